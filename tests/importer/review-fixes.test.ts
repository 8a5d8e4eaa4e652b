// Cases found in review of the importer: each was a way a file could be accepted wrongly or break later imports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { importFile } from '../../server/importer/import-file.js';
import { geometryProblem } from '../../server/importer/topology-shape.js';
import { MemberIndex } from '../../server/precompute/member-index.js';
import { nearestOutside } from '../../server/precompute/nearest-outside.js';
import { dump, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
  loadCouncilAreas(db);
});
afterEach(() => cleanup());

const csv = (kind: Parameters<typeof importFile>[1]['kind'], text: string, asAt: string | null = null) =>
  importFile(db, {
    kind,
    bytes: Buffer.from(text),
    fileName: `${kind}.csv`,
    asAt,
    confirm: ['removes-most'],
  });

const GIAS = 'urn,la_code,la_name,in_152_english_las,latitude,longitude\n';

describe('council-area tables stay consistent', () => {
  it.each([
    ['a second area named like another', 'council-areas', 'la_code,la_name\n201,Camden\n'],
    ['an alias pointing an area name elsewhere', 'area-aliases', 'alias,la_code\nCamden,201\n'],
  ] as const)('rejects %s, and later imports still work', (_name, kind, text) => {
    const before = dump(db);
    const report = csv(kind, text);
    expect(report.status).toBe('rejected');
    expect(report.errors[0]!.message).toMatch(/council-area names would contradict each other/);
    expect(dump(db)).toEqual(before);
    expect(csv('teaching-schools', 'urn,name,la_name\n100000,A,Camden\n', '2014-01-01').status).toBe(
      'committed',
    );
  });
});

describe('establishments', () => {
  it('rejects unknown codes and names, and code/name/flag contradictions; keeps codes outside England', () => {
    const report = csv(
      'establishments',
      GIAS +
        '100001,999,Camden,Y,,\n100002,,Camdn,Y,,\n100003,202,Wrexham,Y,,\n100004,681,Cardiff,Y,,\n100005,681,Cardiff,N,,\n',
      '2018-03-12',
    );
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'la_code', '999'],
      [3, 'la_name', 'Camdn'],
      [4, 'la_name', 'Wrexham'],
      [5, 'in_152_english_las', 'Y'],
    ]);
    expect(report.errors[1]!.message).toContain("closest is 'Camden'");
    expect(
      csv('establishments', GIAS + '100005,681,Cardiff,N,,\n100006,060,Does not apply,N,,\n', '2018-03-12')
        .status,
    ).toBe('committed');
  });

  it('refuses an older list over a newer one', () => {
    expect(csv('establishments', GIAS + '100001,202,Camden,Y,,\n', '2018-03-12').status).toBe('committed');
    const before = dump(db);
    const older = csv('establishments', GIAS + '100002,202,Camden,Y,,\n', '2017-01-01');
    expect(older.status).toBe('rejected');
    expect(older.errors[0]!.message).toContain('as at 2018-03-12, later than 2017-01-01');
    expect(dump(db)).toEqual(before);
  });

  it('keeps the indexes of the table, which an import drops while it writes and makes again', () => {
    // The schema gives establishments no index besides its key (migration 006): this one stands for any added later.
    db.exec('CREATE INDEX establishments_phase ON establishments (phase)');
    const indexes = () =>
      db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'establishments'")
        .all();
    const schema = indexes();
    expect(schema).toContainEqual(expect.objectContaining({ name: 'establishments_phase' }));
    expect(csv('establishments', GIAS + '100001,202,Camden,Y,,\n', '2018-03-12').status).toBe('committed');
    expect(indexes()).toEqual(schema);
    expect(csv('establishments', GIAS + '100002,202,Camden,Y,,\n', '2017-01-01').status).toBe('rejected');
    expect(indexes()).toEqual(schema);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT urn FROM establishments WHERE phase = 'Primary'")
      .all();
    expect(JSON.stringify(plan)).toContain('establishments_phase');
  });
});

describe('reading', () => {
  it('keeps line numbers true after a quoted field that is only a newline', () => {
    const report = csv(
      'teaching-schools',
      'urn,name,la_code,phase\n100000,A,202,"\n"\n100001,B,2x2,\n',
      '2014-01-01',
    );
    expect(report.errors.map((e) => e.row)).toEqual([4]);
  });

  it('rejects a row with more cells than the header (an unquoted delimiter)', () => {
    const report = csv(
      'teaching-schools',
      'urn,name,la_code,phase\n100000,Alpha, The School,202,Primary\n',
      '2014-01-01',
    );
    expect(report.errors).toEqual([
      expect.objectContaining({
        row: 2,
        value: 'Primary',
        message: 'has 5 cells but the header has 4: is a delimiter unquoted?',
      }),
    ]);
  });
});

describe('network lists', () => {
  it('take their as-at date only from full dates', () => {
    const report = csv('nles', 'urn,la_code,designated_on\n100000,202,May 2014\n100001,202,2013\n');
    expect(report.status).toBe('rejected');
    expect(report.errors[0]!.message).toContain('--as-at is required');
  });

  it('a replaced list leaves no members or groups that no list names', () => {
    csv('teaching-schools', 'urn,name,alliance,la_code\n100000,A,Typo Alliannce,202\n', '2014-01-01');
    csv('teaching-schools', 'urn,name,alliance,la_code\n100001,B,Typo Alliance,202\n', '2014-01-01');
    expect(db.prepare('SELECT name FROM groups').pluck().all()).toEqual(['Typo Alliance']);
    expect(db.prepare('SELECT member_key FROM members').pluck().all()).toEqual(['100001']);
  });

  it('a dry run of a file already imported says it is unchanged', () => {
    const text = 'urn,name,la_code\n100000,A,202\n';
    csv('teaching-schools', text, '2014-01-01');
    const again = importFile(db, {
      kind: 'teaching-schools',
      bytes: Buffer.from(text),
      fileName: 'x.csv',
      asAt: '2014-01-01',
      dryRun: true,
    });
    expect(again.status).toBe('unchanged');
  });
});

// Spread into push() or Math.max(), an array of some 150,000 values overflowed the stack ('Maximum call stack
// size exceeded'): the import failed without its report. Each size here is past where that happened.
describe('large hostile inputs are reported, not a stack overflow', () => {
  it('a file with a bad value in each of 200,000 rows is rejected, every error counted', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `x${i},835,Dorset,Y,,`);
    const report = csv('establishments', GIAS + rows.join('\n'), '2018-03-12');
    expect(report.status).toBe('rejected');
    expect(report.error_count).toBe(200_000);
    expect(report.errors[199_999]).toMatchObject({ row: 200_001, column: 'urn', value: 'x199999' });
  });

  it('a polygon of 200,000 rings is judged, not thrown', () => {
    const rings = Array.from({ length: 200_000 }, () => [5]);
    expect(geometryProblem({ type: 'Polygon', arcs: rings }, 1)).toMatch(/arc/);
    expect(geometryProblem({ type: 'MultiPolygon', arcs: [rings] }, 1)).toMatch(/arc/);
  });

  it('an area of 200,000 schools finds its nearest members outside', () => {
    const schools = Array.from({ length: 200_000 }, (_, i) => ({
      urn: 100_000 + i,
      la_code: '835',
      phase: '',
      latitude: 50.7 + (i % 400) / 1000,
      longitude: -2.5 + Math.floor(i / 400) / 1000,
    }));
    const members = new MemberIndex([
      { member_id: 1, phase: '', latitude: 51.5, longitude: -0.1, serves: '202' },
      { member_id: 2, phase: '', latitude: 50.8, longitude: -2.4, serves: '835' },
    ]);
    const outside = nearestOutside('835', schools, members, 3);
    expect(outside.map((o) => o.member_id)).toEqual([1]);
    expect(outside[0]!.km).toBeGreaterThan(100);
  });
});
