import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';
import { loadMigrations } from '../../server/db/migrate.js';
import { FIXTURES, tempDatabase } from '../helpers/db.js';

// The CLIs as a user runs them: a real process, real files, exit codes and output.
function run(script: string, args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', script), ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      // A command left waiting (for a thread that never ends) fails here rather than hanging the suite.
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let dbPath: string;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDatabase();
  t.db.close();
  ({ dir, cleanup } = t);
  dbPath = t.path;
});
afterEach(() => cleanup());

const data = (path: string) => join(PROJECT_ROOT, 'data', path);
const AREAS = ['--kind', 'council-areas', '--file', data('council-areas/upper_tier_las_152_2011-2018.csv')];
/** Imports the 152 council areas into the test database, as most commands need them first. */
const importAreas = () => run('import.ts', [...AREAS, '--db', dbPath]);

describe('npm run import', () => {
  it('imports, then says a second import of the same file changes nothing', () => {
    const first = importAreas();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/imported 152 rows \(152 written\) as import #1/);
    const again = importAreas();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already imported \(import #1, same sha256\); nothing changed/);
  });

  it('rejects a bad file with a non-zero exit, the first errors and the total, and a full --report', () => {
    importAreas();
    const report = join(dir, 'report.json');
    const result = run('import.ts', [
      '--kind',
      'teaching-schools',
      '--file',
      join(FIXTURES, 'networks/teaching-schools-two-bad-rows.csv'),
      '--db',
      dbPath,
      '--as-at',
      '2014-05-26',
      '--report',
      report,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("line 3, column 'urn', value '12x4'");
    expect(result.stderr).toContain("line 4, column 'local_authority', value 'Bristoll'");
    expect(result.stdout).toContain('rejected, 2 errors in 3 rows; nothing was written');
    const saved = JSON.parse(readFileSync(report, 'utf8'));
    expect(saved.errors).toHaveLength(2);
    expect(saved.status).toBe('rejected');
  });

  it('prints what a network list changes: joiners, leavers, group moves, areas gained and lost', () => {
    importAreas();
    const list = (name: string, asAt: string, ...more: string[]) =>
      run('import.ts', [
        '--kind',
        'teaching-schools',
        '--file',
        join(FIXTURES, 'networks', name),
        '--db',
        dbPath,
        '--as-at',
        asAt,
        ...more,
      ]);
    const first = list('teaching-schools-2015.csv', '2015-05-01');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'Changes against no earlier teaching-schools list (this is the first): 3 joiners, 0 leavers, ' +
        '0 group moves; members 0 -> 3; council areas covered 0 -> 3.',
    );
    const dry = list('teaching-schools-2016.csv', '2016-01-01', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run, 4 valid rows would write 4 changes; nothing was written');
    expect(dry.stdout).toContain(
      'Preview against the teaching-schools list as at 2015-05-01: 2 joiners, 1 leaver, 1 group move; ' +
        'members 3 -> 4; council areas covered 3 -> 3.\n' +
        '  Council areas gaining coverage (1): Kent\n' +
        '  Council areas losing coverage (1): Lambeth\n',
    );
    // Nothing was written: the same dry run says the same again, compared with the same list.
    expect(list('teaching-schools-2016.csv', '2016-01-01', '--dry-run').stdout).toBe(dry.stdout);
  });

  it('explains a wrong kind or date and exits 1 without touching the database', () => {
    const kind = run('import.ts', ['--kind', 'schools', '--file', 'x.csv', '--db', dbPath]);
    expect(kind.code).not.toBe(0);
    expect(kind.stderr).toContain("'schools' is not one of council-areas");
    const date = run('import.ts', [
      '--kind',
      'hubs',
      '--file',
      'x.csv',
      '--as-at',
      '2014-02-31',
      '--db',
      dbPath,
    ]);
    expect(date.code).not.toBe(0);
    expect(date.stderr).toContain("'2014-02-31' is not a date");
  });

  it('exits 2 with the reason when the file or the database cannot be opened', () => {
    // An establishments list with its date streams through a validating thread started first: it must be stopped.
    const list = ['--kind', 'establishments', '--as-at', '2018-03-12'];
    const missing = run('import.ts', [...list, '--file', join(dir, 'none.csv'), '--db', dbPath]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^import: ENOENT: no such file or directory, open '.*none\.csv'/);
    const bogus = join(dir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database');
    const file = data('establishments/gias_open_establishments_2018-03-12.csv');
    const notDb = run('import.ts', [...list, '--file', file, '--db', bogus]);
    expect(notDb.code).toBe(2);
    expect(notDb.stderr).toContain('is not a SQLite database');
  });

  it('prints the report as JSON with --json', () => {
    const result = run('import.ts', [
      '--kind',
      'council-areas',
      '--file',
      data('council-areas/dfe_nlac_2011_la_codes_raw.csv'),
      '--db',
      dbPath,
      '--json',
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'dry-run',
      rows_read: 152,
      format: 'council-area list',
    });
  });
});

describe('npm run db:info', () => {
  it('prints counts as JSON in the documented shape', () => {
    importAreas();
    const result = run('db-info.ts', ['--db', dbPath, '--json']);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info).toMatchObject({
      council_areas: 152,
      establishments: { total: 0, in_council_areas: 0 },
      schema_version: Math.max(...loadMigrations().map((m) => m.version)),
    });
    expect(info.networks.map((n: { id: string }) => n.id)).toEqual(['hubs', 'nles', 'teaching-schools']);
    expect(info.imports).toHaveLength(1);
  });

  it('refuses a file that is not a SQLite database, with a clear message', () => {
    const bogus = join(dir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database at all, just text');
    const result = run('db-info.ts', ['--db', bogus]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a SQLite database');
  });
});
