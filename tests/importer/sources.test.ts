import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { importFile } from '../../server/importer/import-file.js';
import { DATA_DIR, dump, importPath, tempDatabase } from '../helpers/db.js';

// The project's reference tables of sources: when each network ran, and who published each cited source when.

let t: ReturnType<typeof tempDatabase>;
let db: Db;
beforeEach(() => {
  t = tempDatabase();
  db = t.db;
});
afterEach(() => t.cleanup());

const csv = (kind: 'network-periods' | 'publications', text: string) =>
  importFile(db, { kind, bytes: Buffer.from(text), fileName: `${kind}.csv` });

describe('network-periods', () => {
  it('imports the shipped table: teaching schools ran from July 2011 to August 2021, hubs from September 2021', () => {
    const report = importPath(db, 'network-periods', join(DATA_DIR, 'reference/network_periods.csv'));
    expect(report.status).toBe('committed');
    const rows = db
      .prepare(
        'SELECT network_id, boundary, date, precision FROM network_periods ORDER BY network_id, boundary',
      )
      .all();
    expect(rows).toEqual([
      { network_id: 'hubs', boundary: 'start', date: '2021-09', precision: 'month' },
      { network_id: 'teaching-schools', boundary: 'end', date: '2021-08', precision: 'month' },
      { network_id: 'teaching-schools', boundary: 'start', date: '2011-07', precision: 'month' },
    ]);
    const again = importPath(db, 'network-periods', join(DATA_DIR, 'reference/network_periods.csv'));
    expect(again.status).toBe('unchanged');
  });

  it('names an unknown network, boundary or date and writes nothing', () => {
    const before = dump(db);
    const report = csv(
      'network-periods',
      'network_id,boundary,date,source_title\nschools,start,2011,DfE\nhubs,begin,2021-13,DfE\n',
    );
    expect(report.status).toBe('rejected');
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'network_id', 'schools'],
      [3, 'boundary', 'begin'],
      [3, 'date', '2021-13'],
    ]);
    expect(report.errors[0]!.message).toBe("'schools' is not one of teaching-schools, nles, hubs");
    expect(dump(db)).toEqual(before);
  });
});

describe('publications', () => {
  it('imports the shipped table: a source cited by every milestone and period, with its own date', () => {
    importPath(db, 'publications', join(DATA_DIR, 'reference/publications.csv'));
    const press = db
      .prepare("SELECT * FROM publications WHERE source_title LIKE 'DfE press release%'")
      .get() as Record<string, unknown>;
    expect(press).toMatchObject({
      publisher: 'Department for Education',
      published: '2014-05-26',
      published_precision: 'day',
      kind: 'primary',
    });
    const beyth = db.prepare("SELECT * FROM publications WHERE source_title LIKE 'Beyth%'").get() as Record<
      string,
      unknown
    >;
    expect(beyth).toMatchObject({ published: null, published_precision: 'unknown', kind: 'secondary' });
  });

  it('names a bad kind or seen_by date', () => {
    const report = csv(
      'publications',
      'source_title,publisher,published,kind,seen_by\nA,B,2014-05,tertiary,\nC,D,,primary,2012-05\n',
    );
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'kind', 'tertiary'],
      [3, 'seen_by', '2012-05'],
    ]);
  });
});

describe('every cited source is a publication on record', () => {
  it('names each title the milestones and network periods cite in publications.csv', () => {
    importPath(db, 'publications', join(DATA_DIR, 'reference/publications.csv'));
    importPath(db, 'metrics', join(DATA_DIR, 'reference/metrics.csv'));
    importPath(db, 'milestones', join(DATA_DIR, 'milestones/programme_milestones_2011-2021.csv'));
    importPath(db, 'network-periods', join(DATA_DIR, 'reference/network_periods.csv'));
    const missing = db
      .prepare(
        `SELECT source_title FROM milestones UNION SELECT source_title FROM network_periods
         EXCEPT SELECT source_title FROM publications`,
      )
      .pluck()
      .all();
    expect(missing).toEqual([]);
  });
});
