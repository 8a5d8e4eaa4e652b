import { afterAll, describe, expect, inject, it } from 'vitest';
import { all } from '../../server/db/gateway.js';
import type { AreaSchoolsRow } from '../../server/db/writes/derived.js';
import { openDatabase } from '../../server/db/open.js';
import { rewriteAreaSchools } from '../../server/precompute/area-schools.js';
import { refreshEstablishmentAreas } from '../../server/precompute/later-areas.js';
import { databaseCopy } from '../helpers/db.js';

const shipped = inject('shippedDb');
const db = openDatabase(shipped, { readonly: true });
afterAll(() => db.close());

// The second method: SQL's own GROUP BY over the establishments table, as the figure was worked out before.
// The areas created since 2018 (838, 839, 940-943) are tallied from where their establishments lie: the same
// GROUP BY over establishment_areas.
const grouped = (d: typeof db) =>
  all<AreaSchoolsRow>(
    d,
    `SELECT * FROM (
       SELECT la_code, coalesce(phase, '') AS phase, count(*) AS schools, coalesce(sum(num_pupils), 0) AS pupils,
         count(latitude) AS located, coalesce(sum(latitude), 0) AS lat_sum, coalesce(sum(longitude), 0) AS lon_sum
       FROM establishments WHERE in_council_areas = 1 AND la_code IS NOT NULL
       GROUP BY la_code, coalesce(phase, '')
       UNION ALL
       SELECT p.la_code, coalesce(e.phase, ''), count(*), coalesce(sum(e.num_pupils), 0), count(e.latitude),
         coalesce(sum(e.latitude), 0), coalesce(sum(e.longitude), 0)
       FROM establishment_areas p JOIN establishments e ON e.urn = p.urn WHERE e.in_council_areas = 1
       GROUP BY p.la_code, coalesce(e.phase, ''))
     ORDER BY la_code, phase`,
  );
const kept = (d: typeof db) => all<AreaSchoolsRow>(d, 'SELECT * FROM area_schools ORDER BY la_code, phase');

function expectSame(actual: AreaSchoolsRow[], expected: AreaSchoolsRow[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const want = expected[i]!;
    expect({ ...row, lat_sum: 0, lon_sum: 0 }).toEqual({ ...want, lat_sum: 0, lon_sum: 0 });
    expect(row.lat_sum).toBeCloseTo(want.lat_sum, 6);
    expect(row.lon_sum).toBeCloseTo(want.lon_sum, 6);
  });
}

describe('area_schools, tallied as establishments are written', () => {
  it('matches a GROUP BY over the shipped establishments, area by area and phase by phase', () => {
    const expected = grouped(db);
    expect(expected.length).toBeGreaterThan(152);
    expectSame(kept(db), expected);
  });

  it('is worked out again the same way for a database filled before it was kept', () => {
    const { db: copy, cleanup } = databaseCopy(shipped);
    try {
      copy.exec('DELETE FROM area_schools');
      rewriteAreaSchools(copy);
      refreshEstablishmentAreas(copy);
      expectSame(kept(copy), grouped(copy));
    } finally {
      cleanup();
    }
  });
});
