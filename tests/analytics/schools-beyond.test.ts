import { distance } from 'geokdbush';
import { afterAll, describe, expect, it } from 'vitest';
import { coverage } from '../../server/analytics/coverage.js';
import { NotFoundError, ParameterError } from '../../server/analytics/errors.js';
import { gaps } from '../../server/analytics/gaps.js';
import { schoolsBeyond } from '../../server/analytics/schools-beyond.js';
import { all } from '../../server/db/gateway.js';
import { shippedDb } from './helpers.js';

// On the database built from the shipped data: the 2018 teaching schools and the 2018 GIAS establishments.
const db = shippedDb();
afterAll(() => db.close());

const network = 'teaching-schools' as const;

interface Point {
  urn: number;
  latitude: number;
  longitude: number;
}

// Test-only brute force: every school's distance to every member, for Cornwall.
function bruteNearest(laCode: string): { urn: number; km: number }[] {
  const members = all<Point>(
    db,
    `SELECT m.urn, e.latitude, e.longitude FROM snapshot_members sm JOIN members m ON m.id = sm.member_id
     JOIN establishments e ON e.urn = m.urn WHERE m.network_id = 'teaching-schools' AND e.latitude IS NOT NULL`,
  );
  const schools = all<Point>(
    db,
    `SELECT urn, latitude, longitude FROM establishments
     WHERE in_council_areas = 1 AND la_code = ? AND latitude IS NOT NULL`,
    [laCode],
  );
  return schools.map((s) => ({
    urn: s.urn,
    km: Math.min(...members.map((m) => distance(s.longitude, s.latitude, m.longitude, m.latitude))),
  }));
}

describe('schoolsBeyond', () => {
  it('lists exactly the schools a brute-force scan finds beyond the radius, farthest first', () => {
    const result = schoolsBeyond(db, { network, la_code: '908', radius_km: 20 });
    const expected = bruteNearest('908').filter((s) => s.km > 20);
    expect(result.rows.map((r) => r.urn).sort()).toEqual(expected.map((s) => s.urn).sort());
    for (const row of result.rows) {
      const km = expected.find((s) => s.urn === row.urn)!.km;
      expect(row.km).toBeCloseTo(km, 1);
    }
    const kms = result.rows.map((r) => r.km);
    expect(kms).toEqual([...kms].sort((a, b) => b - a));
    expect(result).toMatchObject({ la_code: '908', region: null, phase: null, radius_km: 20 });
    expect(result.schools_located).toBe(bruteNearest('908').length);
  });

  it('names the nearest member, links the school to GIAS and names schools as the June 2024 register does', () => {
    const result = schoolsBeyond(db, { network, region: 'South West', radius_km: 30 });
    const scilly = result.rows.filter((r) => r.la_code === '420');
    expect(scilly.length).toBeGreaterThan(0);
    expect(scilly[0]).toMatchObject({
      la_name: 'Isles of Scilly',
      region: 'South West',
      nearest_member_name: 'Mounts Bay Academy',
      nearest_member_la_code: '908',
    });
    // Those of 2018 still in the register of June 2024 are named as it names them.
    expect(scilly.map((r) => r.name)).toContain('The Five Islands School');
    expect(scilly[0]!.gias_url).toBe(
      `https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/${scilly[0]!.urn}`,
    );
    expect(result.note).toMatch(/GIAS register of 17 June 2024/);
    expect(new Set(result.rows.map((r) => r.region))).toEqual(new Set(['South West']));
  });

  it('has as many rows per area as coverage counts beyond the radius, for every phase and radius', () => {
    for (const [phase, radius] of [
      [undefined, 15],
      ['Secondary', 10],
      ['Primary', 5],
    ] as const) {
      const counts = coverage(db, { network, region: 'North East', phase, radius_km: radius }).rows;
      const listed = schoolsBeyond(db, { network, region: 'North East', phase, radius_km: radius }).rows;
      for (const area of counts) {
        expect(listed.filter((r) => r.la_code === area.la_code).length, `${area.name} ${phase}`).toBe(
          area.schools_beyond_km,
        );
      }
      if (phase) expect(listed.every((r) => r.phase === phase)).toBe(true);
    }
  });

  it('finds an area by its ONS code, and refuses an area and a region together', () => {
    expect(schoolsBeyond(db, { network, la_code: 'E06000052', radius_km: 20 }).la_code).toBe('908');
    expect(() => schoolsBeyond(db, { network, la_code: '908', region: 'London', radius_km: 20 })).toThrow(
      ParameterError,
    );
    expect(() => schoolsBeyond(db, { network, la_code: '999', radius_km: 20 })).toThrow(NotFoundError);
  });

  it('measures no distance from hubs, on any list: they reach the council areas they serve', () => {
    for (const as_at of ['2022-01-01', '2025-10-01']) {
      expect(() => schoolsBeyond(db, { network: 'hubs', as_at, radius_km: 15 })).toThrow(
        /teaching school hubs reach the council areas they serve, not a distance from a school/,
      );
    }
  });
});

describe('gaps with a phase', () => {
  it('says an area has members of other phases rather than none (Plymouth, phase Secondary)', () => {
    const plymouth = gaps(db, { network, phase: 'Secondary', radius_km: 15 }).rows.find(
      (r) => r.la_code === '879',
    )!;
    expect(plymouth.members).toBe(0);
    expect(plymouth.reason).toMatch(
      /^no teaching school of phase Secondary serves Plymouth \(\d+ establishments of phase Secondary; 3 teaching schools of other phases do\)/,
    );
  });

  it('words counts without a phase as before', () => {
    const plymouth = gaps(db, { network, radius_km: 15 }).rows.find((r) => r.la_code === '879')!;
    expect(plymouth.reason).toMatch(/^3 teaching schools for \d+ establishments \(/);
  });
});
