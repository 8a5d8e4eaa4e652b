import type { Db } from '../db/gateway.js';
import { schoolPoints, type SchoolPoint } from '../db/queries/establishments.js';
import { memberPoints, type MemberPoint } from '../db/queries/members.js';
import { GridIndex, type GeoPoint } from './geo.js';
import { memo } from './memo.js';

/** The located members of a snapshot in a spatial index (members are located at their school). */
export function memberIndex(db: Db, snapshot: number, phase: string | null): GridIndex<MemberPoint> {
  return memo(db, `members:${snapshot}:${phase}`, () => {
    const points: GeoPoint<MemberPoint>[] = memberPoints(db, snapshot, phase).map((m) => ({
      lat: m.latitude,
      lon: m.longitude,
      item: m,
    }));
    return new GridIndex(points, 10);
  });
}

export function locatedSchools(db: Db, phase: string | null): SchoolPoint[] {
  return memo(db, `schools:${phase}`, () => schoolPoints(db, phase));
}

/**
 * Per council area, the located establishments with no located member within radiusKm (members anywhere,
 * not only in the area). Null when no member of the snapshot has a location (hubs have none).
 */
export function schoolsBeyond(
  db: Db,
  snapshot: number,
  phase: string | null,
  radiusKm: number,
): Map<string, number> | null {
  return memo(db, `beyond:${snapshot}:${phase}:${radiusKm}`, () => {
    const index = memberIndex(db, snapshot, phase);
    if (index.size === 0) return null;
    const beyond = new Map<string, number>();
    for (const school of locatedSchools(db, phase)) {
      if (!index.anyWithin(school.latitude, school.longitude, radiusKm)) {
        beyond.set(school.la_code, (beyond.get(school.la_code) ?? 0) + 1);
      }
    }
    return beyond;
  });
}

/** The mean position of an area's located establishments (its centre of schools), or undefined. */
export function areaCentres(db: Db): Map<string, { lat: number; lon: number }> {
  return memo(db, 'centres', () => {
    const sums = new Map<string, { lat: number; lon: number; n: number }>();
    for (const s of locatedSchools(db, null)) {
      const sum = sums.get(s.la_code) ?? { lat: 0, lon: 0, n: 0 };
      sum.lat += s.latitude;
      sum.lon += s.longitude;
      sum.n += 1;
      sums.set(s.la_code, sum);
    }
    return new Map([...sums].map(([code, s]) => [code, { lat: s.lat / s.n, lon: s.lon / s.n }]));
  });
}
