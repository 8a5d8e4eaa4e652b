import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../server/importer/import-file.js';
import { DATA_DIR, dump, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

// The hubs kind on DfE's 2021 layout, and the districts of successor names, on a real SQLite file.

let t: ReturnType<typeof tempDatabase>;
afterEach(() => t.cleanup());

const LIST_2021 = readFileSync(join(DATA_DIR, 'hubs/tsh_list_by_area_2021.csv'), 'utf8');

function importHubs(text: string, asAt = '2021-09-01') {
  return importFile(t.db, { kind: 'hubs', bytes: Buffer.from(text), fileName: 'hubs.csv', asAt });
}

describe('the 2021 list by area', () => {
  it('imports as published, and the same file again changes nothing', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    const report = importHubs(LIST_2021);
    expect(report).toMatchObject({
      status: 'committed',
      format: 'list of teaching school hubs by area',
      rows_read: 87,
      ignored_columns: [],
      changes: { compared_with: null, left: [], weak_matches: [] },
    });
    expect(report.changes!.joined).toHaveLength(87);
    const before = dump(t.db);
    expect(importHubs(LIST_2021).status).toBe('unchanged');
    expect(dump(t.db)).toEqual(before);
  });

  it('names the row, column and value of a cell without a code; keeps an unknown district, placed nowhere', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    const lines = LIST_2021.split('\n');
    lines[1] = lines[1]!.replace('EENEL1 - Braintree', 'EENEL1 Braintree');
    const rejected = importHubs(lines.join('\n'));
    expect(rejected.status).toBe('rejected');
    expect(rejected.errors).toEqual([
      {
        row: 2,
        column: 'Teaching School Hub area',
        value: 'EENEL1 Braintree, Chelmsford, Epping Forest, Harlow, Uttlesford',
        message:
          "'EENEL1 Braintree, Chelmsford, Epping Forest, Harlow, Uttlesford' is not a hub code and its districts " +
          "('EENEL1 - Braintree, Chelmsford')",
      },
    ]);
    expect(t.db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(0);
    const typo = LIST_2021.replace('Fenland', 'Fenlund');
    expect(importHubs(typo).changes!.unplaced).toEqual([{ key: 'EENEL3', place: 'Fenlund' }]);
  });
});

const FINDER_LISTS = ['2023-10-03', '2023-12-05', '2024-08-14', '2024-10-16', '2025-09-30'];
const finderList = (date: string): string =>
  readFileSync(join(DATA_DIR, `hubs/teaching_school_hubs_${date}.csv`), 'utf8');

describe("the hub finder's lists, 2023 to 2025", () => {
  it('imports each as published: 87 hubs, every council area served', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    for (const date of FINDER_LISTS) {
      const report = importHubs(finderList(date), date);
      expect(report, date).toMatchObject({ status: 'committed', rows_read: 87, rows_written: 87 });
    }
    const served = t.db
      .prepare(
        `SELECT s.as_at, count(DISTINCT member_id) AS hubs, count(DISTINCT la_code) AS areas
         FROM snapshot_member_areas a JOIN snapshots s ON s.id = a.snapshot_id GROUP BY s.id ORDER BY s.as_at`,
      )
      .all();
    expect(served).toEqual(FINDER_LISTS.map((as_at) => ({ as_at, hubs: 87, areas: 152 })));
  });

  it('keys a hub of the list without codes by its name and first place: one name, two hubs', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    const text = finderList('2023-10-03');
    expect(text.startsWith('name,website,areas')).toBe(true);
    importHubs(text, '2023-10-03');
    const kent = t.db
      .prepare(
        "SELECT member_key FROM members WHERE member_key LIKE 'Kent Teaching School hub (%' ORDER BY 1",
      )
      .pluck()
      .all();
    expect(kent).toHaveLength(2);
  });

  it("places 'Harpenden' in St Albans through the alias table, and keeps 'East London' placed nowhere", () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    const text = finderList('2024-08-14');
    expect(text).toContain('\r\n');
    const report = importHubs(text, '2024-08-14');
    expect(report.status).toBe('committed');
    expect(report.changes!.unplaced).toEqual([{ key: 'L2', place: 'East London' }]);
    const places = (key: string) =>
      JSON.parse(
        t.db
          .prepare(
            'SELECT places FROM hub_listings h JOIN members m ON m.id = h.member_id WHERE m.member_key = ?',
          )
          .pluck()
          .get(key) as string,
      ) as { name: string; districts: string[]; part: boolean; unplaced?: true }[];
    expect(places('EE7').find((p) => p.name === 'Harpenden')).toEqual({
      name: 'Harpenden',
      districts: ['St Albans'],
      part: true,
    });
    expect(places('L2').find((p) => p.name === 'East London')).toEqual({
      name: 'East London',
      districts: [],
      part: false,
      unplaced: true,
    });
    const alias = t.db.prepare("SELECT la_code, source FROM area_aliases WHERE alias = 'Harpenden'").get();
    expect(alias).toMatchObject({ la_code: '919' });
  });

  it("resolves October 2024's parts and split names: East Suffolk North, North Yorkshire West, Christchurch and Poole", () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    importHubs(finderList('2024-10-16'), '2024-10-16');
    const rows = t.db
      .prepare(
        `SELECT m.member_key AS key, h.places FROM hub_listings h JOIN members m ON m.id = h.member_id
         WHERE h.places LIKE '%North Yorkshire West%' OR h.places LIKE '%Christchurch and Poole%'
            OR h.places LIKE '%East Suffolk North%' ORDER BY 1`,
      )
      .all() as { key: string; places: string }[];
    const named = rows.map((r) => [
      r.key,
      (JSON.parse(r.places) as { name: string; part: boolean; districts: string[] }[]).filter(
        (p) => p.part || p.name.includes('Poole'),
      ),
    ]);
    expect(named).toMatchSnapshot();
  });

  it('imports a later finder list of the same shape', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    importHubs(finderList('2025-09-30'), '2025-09-30');
    const later = finderList('2025-09-30').replace(
      'Saffron Teaching School Hub',
      'Saffron Walden Teaching School Hub',
    );
    const report = importHubs(later, '2026-03-01');
    expect(report).toMatchObject({
      status: 'committed',
      changes: { compared_with: '2025-09-30', joined: [], left: [] },
    });
  });
});

describe('the districts of successor names', () => {
  it('refuses a name whose rows give different districts, and a district no one knows', () => {
    t = tempDatabase();
    loadCouncilAreas(t.db);
    const csv = [
      'name,la_code,valid_from,note,districts_2013,part',
      'Christchurch and Poole,835,2019-04-01,x,Christchurch;Poole,',
      'Christchurch and Poole,836,2019-04-01,x,Poole,',
    ].join('\n');
    const clash = importFile(t.db, { kind: 'area-successors', bytes: Buffer.from(csv), fileName: 's.csv' });
    expect(clash.errors.map((e) => e.message)).toEqual([
      "districts_2013 and part differ between the rows of 'Christchurch and Poole'",
    ]);
    const unknown = importFile(t.db, {
      kind: 'area-successors',
      bytes: Buffer.from('name,la_code,districts_2013,part\nWest Suffolk,935,Forest Heeth,maybe\n'),
      fileName: 's.csv',
    });
    expect(unknown.errors.map((e) => [e.column, e.value])).toEqual([
      ['districts_2013', 'Forest Heeth'],
      ['part', 'maybe'],
    ]);
  });
});
