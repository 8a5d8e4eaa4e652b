import { distance } from 'geokdbush';
import { afterAll, describe, expect, it } from 'vitest';
import { coverage } from '../../server/analytics/coverage.js';
import { gaps } from '../../server/analytics/gaps.js';
import { all } from '../../server/db/gateway.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
afterAll(() => db.close());

// Test-only brute force over the real coordinates, to check the figures worked out at import.
function bruteBeyond(laCode: string, km: number): number {
  const members = all<{ latitude: number; longitude: number }>(
    db,
    `SELECT e.latitude, e.longitude FROM snapshot_members sm JOIN members m ON m.id = sm.member_id
     JOIN establishments e ON e.urn = m.urn JOIN snapshots s ON s.id = sm.snapshot_id
     WHERE s.network_id = 'teaching-schools' AND e.latitude IS NOT NULL`,
  );
  const schools = all<{ latitude: number; longitude: number }>(
    db,
    'SELECT latitude, longitude FROM establishments WHERE in_council_areas = 1 AND la_code = ? AND latitude IS NOT NULL',
    [laCode],
  );
  return schools.filter((s) =>
    members.every((m) => distance(s.longitude, s.latitude, m.longitude, m.latitude) > km),
  ).length;
}

describe('coverage', () => {
  const result = coverage(db, { network: 'teaching-schools', radius_km: 15 });

  it('has a row per council area, adding up to the national figures', () => {
    expect(result.rows).toHaveLength(152);
    expect(result.rows.filter((r) => r.covered)).toHaveLength(149);
    expect(result.rows.reduce((n, r) => n + r.schools, 0)).toBe(28087);
    // A school serves its own area only, so the per-area counts add up to the members.
    expect(result.rows.reduce((n, r) => n + r.members, 0)).toBe(808);
  });

  it('counts schools beyond the radius as a brute-force scan does', () => {
    for (const code of ['921', '420', '201', '830', '908']) {
      const row = result.rows.find((r) => r.la_code === code)!;
      expect(row.schools_beyond_km, code).toBe(bruteBeyond(code, 15));
    }
    const wider = coverage(db, { network: 'teaching-schools', radius_km: 30 }).rows.find(
      (r) => r.la_code === '908',
    )!;
    expect(wider.schools_beyond_km).toBe(bruteBeyond('908', 30));
  });

  it('gives members per 100 schools', () => {
    const derbyshire = result.rows.find((r) => r.la_code === '830')!;
    expect(derbyshire.members_per_100_schools).toBe(
      Math.round((derbyshire.members / derbyshire.schools) * 10000) / 100,
    );
  });
});

describe('gaps', () => {
  const result = gaps(db, { network: 'teaching-schools', as_at: '2018-03-12', radius_km: 15 });

  it('puts the uncovered areas first, ordered by the stated criteria', () => {
    expect(result.rows.slice(0, 3).map((r) => r.la_code)).toEqual(['921', '420', '201']);
    for (let i = 1; i < result.rows.length; i++) {
      const [a, b] = [result.rows[i - 1]!, result.rows[i]!];
      const order =
        Number(a.covered) - Number(b.covered) ||
        a.members_per_100_schools! - b.members_per_100_schools! ||
        b.schools_beyond_km! - a.schools_beyond_km!;
      expect(order <= 0, `${a.la_code} before ${b.la_code}`).toBe(true);
    }
  });

  it('names the nearest members outside each area, nearest first', () => {
    const wight = result.rows[0]!;
    expect(wight.reason).toBe(
      // Establishments: the count includes those with no phase of education, which are not all schools.
      'no teaching school serves Isle of Wight (63 establishments); 38 of 63 located establishments are more ' +
        'than 15 km from one',
    );
    const kms = wight.nearest_members.map((m) => m.km);
    expect(kms).toEqual([...kms].sort((a, b) => a - b));
    expect(wight.nearest_members.every((m) => ['850', '851', '852'].includes(m.la_code!))).toBe(true);
  });
});
