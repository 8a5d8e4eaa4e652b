import fc from 'fast-check';
import { distance } from 'geokdbush';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { all, type Db } from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';
import { stepFunction } from '../../server/precompute/area-reach.js';
import { ensureDerivedFigures } from '../../server/precompute/refresh.js';
import { DATA_DIR, HUB_LIST_DATES, databaseCopy, importPath } from '../helpers/db.js';

/** beyond(k) read from a step function the way db/queries/reach.ts reads it: the last pair at or before k. */
function lookup(pairs: [number, number][], k: number): number {
  let beyond = 0;
  for (const [step, count] of pairs) if (step <= k) beyond = count;
  return beyond;
}

describe('stepFunction', () => {
  it('gives, for every radius, the count of steps beyond it, with a pair only where the count changes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60)), fc.nat(70), (steps, k) => {
        const pairs = stepFunction(steps);
        expect(lookup(pairs, k)).toBe(steps.filter((s) => s > k).length);
        for (let i = 1; i < pairs.length; i++) expect(pairs[i]![1]).toBeLessThan(pairs[i - 1]![1]);
      }),
    );
  });
});

const shipped = inject('shippedDb');
const db = openDatabase(shipped, { readonly: true });
afterAll(() => db.close());

interface Point {
  id: number;
  la_code: string;
  latitude: number;
  longitude: number;
  serves: string;
}

// Test-only brute force: every member against every school, with no index.
const members = all<Point>(
  db,
  `SELECT m.id, sm.la_code, e.latitude, e.longitude,
     (SELECT group_concat(la_code, ';') FROM snapshot_member_areas x
      WHERE x.snapshot_id = sm.snapshot_id AND x.member_id = sm.member_id) AS serves
   FROM snapshot_members sm JOIN snapshots s ON s.id = sm.snapshot_id JOIN members m ON m.id = sm.member_id
   JOIN establishments e ON e.urn = m.urn WHERE s.network_id = 'teaching-schools' AND e.latitude IS NOT NULL`,
);
const schoolsOf = (laCode: string) =>
  all<{ urn: number; latitude: number; longitude: number }>(
    db,
    `SELECT urn, latitude, longitude FROM establishments
     WHERE in_council_areas = 1 AND la_code = ? AND latitude IS NOT NULL`,
    [laCode],
  );
const km = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) =>
  distance(a.longitude, a.latitude, b.longitude, b.latitude);

describe('the distances worked out at import, on the shipped data', () => {
  it('gives each school its nearest member as a scan of every member does', () => {
    const stored = all<{ urn: number; km: number; latitude: number; longitude: number }>(
      db,
      `SELECT r.urn, r.km, e.latitude, e.longitude FROM school_reach r JOIN establishments e ON e.urn = r.urn
       JOIN snapshots s ON s.id = r.snapshot_id WHERE s.network_id = 'teaching-schools' AND r.urn % 97 = 0`,
    );
    expect(stored.length).toBeGreaterThan(200);
    for (const school of stored) {
      expect(school.km).toBeCloseTo(Math.min(...members.map((m) => km(school, m))), 9);
    }
  });

  it('measures the nearest members outside an area from its own schools (Isle of Wight: 9.8 km)', () => {
    for (const laCode of ['921', '420', '908', '383']) {
      const schools = schoolsOf(laCode);
      const expected = members
        .filter((m) => !m.serves.split(';').includes(laCode))
        .map((m) => Math.min(...schools.map((s) => km(s, m))))
        .sort((a, b) => a - b)
        .slice(0, 3);
      const stored = all<{ km: number }>(
        db,
        `SELECT o.km FROM area_nearest_outside o JOIN snapshots s ON s.id = o.snapshot_id
         WHERE s.network_id = 'teaching-schools' AND o.phase = '' AND o.la_code = ? ORDER BY o.rank`,
        [laCode],
      ).map((r) => r.km);
      expect(stored.length, laCode).toBe(3);
      stored.forEach((k, i) => expect(k, laCode).toBeCloseTo(expected[i]!, 9));
    }
    const wight = all<{ km: number }>(
      db,
      `SELECT km FROM area_nearest_outside WHERE la_code = '921' AND phase = '' AND rank = 1`,
    );
    expect(wight[0]!.km.toFixed(1)).toBe('9.8');
  });

  it('places each list by its members that have a location; hubs have none (they reach areas, not distances)', () => {
    const lists = all<{ network_id: string; located_members: number; placed: number }>(
      db,
      `SELECT s.network_id, r.located_members,
         (SELECT count(*) FROM snapshot_members sm JOIN establishments e ON e.urn = sm.location_urn
          WHERE sm.snapshot_id = s.id AND e.latitude IS NOT NULL) AS placed
       FROM list_reach r JOIN snapshots s ON s.id = r.snapshot_id WHERE r.phase = ''`,
    );
    expect(lists.map((l) => l.network_id).sort()).toEqual([
      ...HUB_LIST_DATES.map(() => 'hubs'),
      'teaching-schools',
    ]);
    const schools = lists.find((l) => l.network_id === 'teaching-schools')!;
    expect(schools.located_members).toBe(schools.placed);
    expect(lists.filter((l) => l.network_id === 'hubs').map((l) => l.located_members)).toEqual(
      HUB_LIST_DATES.map(() => 0),
    );
  });
});

describe('keeping the derived figures with the data', () => {
  const counts = (d: Db) =>
    all<{ n: number }>(
      d,
      `SELECT count(*) AS n FROM school_reach UNION ALL SELECT count(*) FROM area_reach
       UNION ALL SELECT count(*) FROM area_schools UNION ALL SELECT count(*) FROM search_index`,
    ).map((r) => r.n);

  it('are worked out for a database filled before they were kept, and only then', () => {
    const { db: copy, cleanup } = databaseCopy(shipped);
    try {
      const wanted = counts(copy);
      copy.exec(
        'DELETE FROM school_reach; DELETE FROM area_reach; DELETE FROM list_reach; DELETE FROM area_schools',
      );
      expect(ensureDerivedFigures(copy)).toBe(true);
      expect(counts(copy)).toEqual(wanted);
      expect(ensureDerivedFigures(copy)).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('from the schools an establishments import gathers as it writes equal those read back from the table', () => {
    const { db: copy, cleanup } = databaseCopy(shipped);
    try {
      const gias = join(DATA_DIR, 'establishments/gias_open_establishments_2018-03-12.csv');
      expect(importPath(copy, 'establishments', gias, { asAt: '2018-03-13' }).status).toBe('committed');
      const figures = () =>
        ['school_reach', 'area_reach', 'area_nearest_outside'].map((table) =>
          all(copy, `SELECT * FROM ${table} ORDER BY 1, 2, 3, 4`),
        );
      const imported = figures();
      expect(imported[0]!.length).toBeGreaterThan(20_000);
      // Worked out again from the establishments table alone (refreshAll reads every school's point).
      copy.exec('DELETE FROM school_reach; DELETE FROM area_reach; DELETE FROM list_reach');
      expect(ensureDerivedFigures(copy)).toBe(true);
      expect(figures()).toEqual(imported);
    } finally {
      cleanup();
    }
  });

  it('follow a new establishments list for every list, and a replaced list leaves none behind', () => {
    const { db: copy, cleanup } = databaseCopy(shipped);
    try {
      // The same list again for its date, from another file: it replaces the first, and its figures with it.
      const enriched = join(DATA_DIR, 'teaching-schools/teaching_schools_2018-03-12_enriched.csv');
      expect(importPath(copy, 'teaching-schools', enriched, { asAt: '2018-03-12' }).status).toBe('committed');
      const orphans = (table: string) =>
        copy
          .prepare(`SELECT count(*) FROM ${table} WHERE snapshot_id NOT IN (SELECT id FROM snapshots)`)
          .pluck()
          .get();
      for (const table of ['list_reach', 'school_reach', 'area_reach', 'area_nearest_outside']) {
        expect(orphans(table), table).toBe(0);
      }
      // A new establishments list: every school's nearest member, on every list, is worked out again.
      const gias = join(DATA_DIR, 'establishments/gias_open_establishments_2018-03-12.csv');
      copy.exec('DELETE FROM school_reach');
      const report = importPath(copy, 'establishments', gias, { asAt: '2018-03-13' });
      expect(report.status).toBe('committed');
      const reach = copy.prepare('SELECT count(*) FROM school_reach').pluck().get();
      // Each located school once in its area of 2011-2018, and again in each area created since that it lies in.
      const located = copy
        .prepare(
          `SELECT (SELECT count(*) FROM establishments WHERE in_council_areas = 1 AND la_code IS NOT NULL
             AND latitude IS NOT NULL)
           + (SELECT count(*) FROM establishment_areas p JOIN establishments e ON e.urn = p.urn
             WHERE e.latitude IS NOT NULL)`,
        )
        .pluck()
        .get() as number;
      const listsWithLocations = copy
        .prepare("SELECT count(*) FROM list_reach WHERE phase = '' AND located_members > 0")
        .pluck()
        .get() as number;
      expect(reach).toBe(located * listsWithLocations);
    } finally {
      cleanup();
    }
  });
});
