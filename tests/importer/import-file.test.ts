import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { importFile } from '../../server/importer/import-file.js';
import { DATA_DIR, FIXTURES, dump, importPath, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

let db: Db;
let cleanup: () => void;

beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
  loadCouncilAreas(db);
});
afterEach(() => cleanup());

const fixture = (name: string) => join(FIXTURES, name);
const members = (asAt: string) =>
  db
    .prepare(
      `SELECT m.member_key AS urn, sm.name, g.name AS alliance, sm.la_code FROM snapshot_members sm
       JOIN snapshots s ON s.id = sm.snapshot_id JOIN members m ON m.id = sm.member_id
       LEFT JOIN groups g ON g.id = sm.group_id WHERE s.as_at = ? ORDER BY m.member_key`,
    )
    .all(asAt) as { urn: string; name: string; alliance: string | null; la_code: string }[];

describe('read variants through the whole import', () => {
  it.each([
    [
      'Windows-1252 with curly quotes and accents',
      'read/teaching-schools-cp1252.csv',
      'windows-1252',
      ',',
      [
        ['100000', '\u201cSt Mary\u00e9s\u201d Alliance', '\u00c9cole \u2013 Primary', '202'],
        ['100627', 'Rosendale Alliance', 'Rosendale Primary School', '208'],
      ],
    ],
    [
      'UTF-8 with BOM and spaced headers',
      'read/teaching-schools-bom.csv',
      'utf-8-bom',
      ',',
      [['100000', 'North Alliance', 'Café School', '202']],
    ],
    [
      'semicolons, snake_case headers, quoted newline, LA-name variants',
      'read/teaching-schools-semicolon.csv',
      'utf-8',
      ';',
      [
        ['100000', 'Alliance; with semicolon', 'Multi\nline School', '801'],
        ['104821', 'St Helens Alliance', 'St Helens School', '342'],
      ],
    ],
    [
      'tabs and LA codes',
      'read/teaching-schools-tab.tsv',
      'utf-8',
      '\t',
      [['100000', null, 'Tab School', '202']],
    ],
  ])('%s', (_name, file, encoding, delimiter, expected) => {
    const report = importPath(db, 'teaching-schools', fixture(file), { asAt: '2014-05-26' });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('committed');
    expect(report.encoding).toBe(encoding);
    expect(report.delimiter).toBe(delimiter);
    expect(members('2014-05-26').map((m) => [m.urn, m.alliance, m.name, m.la_code])).toEqual(expected);
  });

  it('matches council-area names however they are written', () => {
    const report = importPath(db, 'teaching-schools', fixture('read/teaching-schools-la-names.csv'), {
      asAt: '2014-05-26',
    });
    expect(report.errors).toEqual([]);
    expect(members('2014-05-26').map((m) => m.la_code)).toEqual(['810', '846', '801', '810']);
  });
});

describe('strict and atomic', () => {
  it('a file with two bad rows names both values and changes nothing', () => {
    importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2014.csv'), { asAt: '2014-05-26' });
    const before = dump(db);
    const report = importPath(db, 'teaching-schools', fixture('networks/teaching-schools-two-bad-rows.csv'), {
      asAt: '2014-05-26',
    });
    expect(report.status).toBe('rejected');
    expect(report.error_count).toBe(2);
    expect(report.errors).toEqual([
      { row: 3, column: 'urn', value: '12x4', message: expect.stringContaining("'12x4' is not a URN") },
      {
        row: 4,
        column: 'local_authority',
        value: 'Bristoll',
        message: expect.stringMatching(/'Bristoll'.*closest.*Bristol, City of/),
      },
    ]);
    expect(report.message).toContain('nothing was written');
    expect(dump(db)).toEqual(before);
  });

  it('names missing columns with the header names it accepts', () => {
    const report = importFile(db, {
      kind: 'teaching-schools',
      bytes: Buffer.from('name,phase\nA,Primary\n'),
      fileName: 'x.csv',
      asAt: '2014-01-01',
    });
    expect(report.status).toBe('rejected');
    expect(report.errors[0]!.message).toMatch(
      /missing column 'urn'.*'la_code' or 'la_name'.*Local Authority/,
    );
  });

  it('rejects a duplicate key, naming the first line', () => {
    const bytes = Buffer.from('urn,name,la_code\n100000,A,202\n100000,B,202\n');
    const report = importFile(db, {
      kind: 'teaching-schools',
      bytes,
      fileName: 'dup.csv',
      asAt: '2014-01-01',
    });
    expect(report.errors).toEqual([{ row: 3, column: '', value: '100000', message: 'duplicate of line 2' }]);
  });

  it('C1 characters are read as the punctuation meant and the report says which lines; UTF-16 is refused', () => {
    const csv = readFileSync(fixture('read/teaching-schools-bom.csv'), 'utf8').replace(
      'Café',
      'St Stephen\u0092s',
    );
    const report = importFile(db, {
      kind: 'teaching-schools',
      bytes: Buffer.from(csv),
      fileName: 'c1.csv',
      asAt: '2014-05-26',
    });
    expect(report.status).toBe('committed');
    expect(report.warnings).toEqual([
      expect.stringMatching(/^1 line held C1 control characters .*: line 2$/),
    ]);
    expect(members('2014-05-26').map((m) => m.name)).toEqual(['St Stephen\u2019s School']);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const refused = importFile(db, {
      kind: 'teaching-schools',
      bytes: utf16,
      fileName: 'u.csv',
      asAt: '2014-06-01',
    });
    expect(refused.status).toBe('rejected');
    expect(refused.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^this file is UTF-16; save it as CSV UTF-8/),
    ]);
  });

  it('asks for --as-at when a full list carries no dates', () => {
    const report = importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2014.csv'));
    expect(report.status).toBe('rejected');
    expect(report.errors[0]!.message).toContain('--as-at is required');
  });

  it('a file with no data rows is rejected', () => {
    const report = importFile(db, {
      kind: 'milestones',
      bytes: Buffer.from('date,metric,value,value_qualifier,source_title\n'),
      fileName: 'm.csv',
    });
    expect(report.errors[0]!.message).toBe('the file has no data rows');
  });
});

describe('milestones name known metrics', () => {
  it('a milestone whose metric is not in the metrics table rejects the file, naming it, and writes nothing', () => {
    importPath(db, 'metrics', join(DATA_DIR, 'reference/metrics.csv'));
    const before = dump(db);
    const report = importFile(db, {
      kind: 'milestones',
      bytes: Buffer.from(
        'date,metric,value,value_qualifier,source_title\n' +
          '2014-05-26,teaching_schools_total,548,exact,DfE\n' +
          '2014-05-26,teaching_school_total,548,exact,DfE\n',
      ),
      fileName: 'm.csv',
    });
    expect(report.status).toBe('rejected');
    expect(report.errors[0]!.message).toMatch(/^metric: 'teaching_school_total' is not in the metrics table/);
    expect(dump(db)).toEqual(before);
  });
});

describe('idempotent', () => {
  it('importing the same file again changes nothing and says so', () => {
    const path = fixture('networks/teaching-schools-2014.csv');
    const first = importPath(db, 'teaching-schools', path, { asAt: '2014-05-26' });
    const before = dump(db);
    const again = importPath(db, 'teaching-schools', path, { asAt: '2014-05-26' });
    expect(again.status).toBe('unchanged');
    expect(again.import_id).toBe(first.import_id);
    expect(again.message).toContain('already imported');
    expect(dump(db)).toEqual(before);
  });

  it('the same file for another date is a new snapshot', () => {
    const path = fixture('networks/teaching-schools-2014.csv');
    importPath(db, 'teaching-schools', path, { asAt: '2014-05-26' });
    expect(importPath(db, 'teaching-schools', path, { asAt: '2014-06-30' }).status).toBe('committed');
  });
});

describe('snapshots', () => {
  it('members present join, members absent leave, and both dates stay queryable', () => {
    importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2014.csv'), { asAt: '2014-05-26' });
    const report = importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2015.csv'), {
      asAt: '2015-03-31',
    });
    expect(report.changes).toEqual({
      compared_with: '2014-05-26',
      joined: ['100003'],
      left: ['100000'],
      weak_matches: [],
    });
    expect(members('2014-05-26').map((m) => m.urn)).toEqual(['100000', '100001', '100002']);
    expect(members('2015-03-31').map((m) => [m.urn, m.alliance])).toEqual([
      ['100001', 'North Alliance'],
      ['100002', 'East Alliance'],
      ['100003', 'South Alliance'],
    ]);
  });

  it('a new file for a date that has a snapshot replaces it; the old import stays on record, superseded', () => {
    const first = importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2014.csv'), {
      asAt: '2014-05-26',
    });
    const second = importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2015.csv'), {
      asAt: '2014-05-26',
    });
    expect(second.superseded_import_ids).toEqual([first.import_id]);
    expect(members('2014-05-26').map((m) => m.urn)).toEqual(['100001', '100002', '100003']);
    const outcomes = db
      .prepare('SELECT id, outcome FROM imports WHERE kind = ? ORDER BY id')
      .all('teaching-schools');
    expect(outcomes).toEqual([
      { id: first.import_id, outcome: 'superseded' },
      { id: second.import_id, outcome: 'committed' },
    ]);
  });

  it('a dry run reports what would change and writes nothing', () => {
    importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2014.csv'), { asAt: '2014-05-26' });
    const before = dump(db);
    const report = importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2015.csv'), {
      asAt: '2015-03-31',
      dryRun: true,
    });
    expect(report.status).toBe('dry-run');
    expect(report.import_id).toBeNull();
    expect(report.changes).toEqual({
      compared_with: '2014-05-26',
      joined: ['100003'],
      left: ['100000'],
      weak_matches: [],
    });
    expect(dump(db)).toEqual(before);
  });

  it('runs inTransaction on the new rows before they commit, or before a dry run rolls them back', () => {
    const seen: { id: number; members: number }[] = [];
    const inTransaction = (_tx: Db, _report: unknown, importId: number) =>
      seen.push({ id: importId, members: members('2014-05-26').length });
    const before = dump(db);
    importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2014.csv'), {
      asAt: '2014-05-26',
      dryRun: true,
      inTransaction,
    });
    expect(dump(db)).toEqual(before);
    const report = importPath(db, 'teaching-schools', fixture('networks/teaching-schools-2014.csv'), {
      asAt: '2014-05-26',
      inTransaction,
    });
    expect(seen.map((s) => s.members)).toEqual([members('2014-05-26').length, members('2014-05-26').length]);
    expect(seen[0]!.members).toBeGreaterThan(0);
    expect(seen[1]!.id).toBe(report.import_id);
  });

  it('NLEs: the canonical format, two leaders at one school, as-at from designation dates', () => {
    const report = importPath(db, 'nles', fixture('networks/nles.csv'));
    expect(report.errors).toEqual([]);
    expect(report.as_at).toBe('2014-05-01');
    const rows = db
      .prepare(
        `SELECT sm.name, sm.designated_on, sm.la_code FROM snapshot_members sm ORDER BY sm.designated_on`,
      )
      .all();
    expect(rows).toEqual([
      { name: 'Ada Leader', designated_on: '2012-09-01', la_code: '202' },
      { name: 'Bea Leader', designated_on: '2013-03-15', la_code: '202' },
      { name: '<img src=x onerror=alert(1)>', designated_on: '2014-05-01', la_code: '208' },
    ]);
  });
});

describe('headers that name a column twice', () => {
  it.each([
    ['the same header twice', 'urn,name,la_code,name', "columns 'name' and 'name' both mean 'name'"],
    [
      'a header and its alias',
      'urn,name,la_code,school name',
      "columns 'name' and 'school name' both mean 'name'",
    ],
    [
      'an unknown header twice',
      'urn,name,la_code,note,Note',
      "columns 'note' and 'Note' are the same column",
    ],
  ])('refuses %s, naming both, and writes nothing', (_what, header, named) => {
    const before = dump(db);
    const cells = header.split(',').map((_, i) => ['100000', 'Alpha School', '202'][i] ?? 'x');
    const report = importFile(db, {
      kind: 'teaching-schools',
      bytes: Buffer.from(`${header}\n${cells.join(',')}\n`),
      fileName: 'teaching-schools.csv',
      asAt: '2015-01-01',
    });
    expect(report.errors).toEqual([
      { row: 0, column: '', value: '', message: `the header names a column twice: ${named}; keep one` },
    ]);
    expect(report.status).toBe('rejected');
    const { import_reports: _a, ...after } = dump(db);
    const { import_reports: _b, ...unchanged } = before;
    expect(after).toEqual(unchanged);
  });
});

describe('other kinds', () => {
  it('boundaries: rejects a geometry with an unknown area code, naming it', () => {
    const topo = JSON.parse(
      readFileSync(join(FIXTURES, '../../data/council-areas/eng_ctyua16_152_education_las.topojson'), 'utf8'),
    );
    topo.objects.eng_ctyua16.geometries[3].properties.la_code = '999';
    const report = importFile(db, {
      kind: 'boundaries',
      bytes: Buffer.from(JSON.stringify(topo)),
      fileName: 'b.topojson',
    });
    expect(report.errors).toEqual([
      {
        row: 4,
        column: 'properties.la_code',
        value: '999',
        message: "'999' is not a known council area code",
      },
      {
        row: 0,
        column: 'topojson',
        value: '',
        message: expect.stringMatching(/^the file has no boundary for 1 of the 152 council areas: \d{3}$/),
      },
    ]);
  });

  it('milestones: month precision is kept and a wrong precision is named', () => {
    importPath(db, 'metrics', join(DATA_DIR, 'reference/metrics.csv'));
    const header = 'date,date_precision,metric,round,value,value_qualifier,source_title\n';
    const ok = importFile(db, {
      kind: 'milestones',
      bytes: Buffer.from(`${header}May 2014,month,teaching_schools_total,,548,exact,DfE\n`),
      fileName: 'm.csv',
    });
    expect(ok.status).toBe('committed');
    expect(db.prepare('SELECT date, date_precision FROM milestones').get()).toEqual({
      date: '2014-05',
      date_precision: 'month',
    });
    const bad = importFile(db, {
      kind: 'milestones',
      bytes: Buffer.from(`${header}26/05/2014,month,teaching_schools_total,,548,roughly,DfE\n`),
      fileName: 'm2.csv',
    });
    expect(bad.errors.map((e) => [e.column, e.value])).toEqual([
      ['date_precision', 'month'],
      ['value_qualifier', 'roughly'],
    ]);
  });
});
