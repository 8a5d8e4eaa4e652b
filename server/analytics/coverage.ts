import type { Coverage } from '../contract/areas.js';
import type { Whole } from '../contract/common.js';
import type { AreaCoverage } from '../contract/rows.js';
import type { Db } from '../db/gateway.js';
import { isGrouped } from './labels.js';
import { listInForce } from './list-in-force.js';
import { areasInForce } from '../db/queries/areas.js';
import { membersByArea } from '../db/queries/members.js';
import { ALL_PHASES, beyondByArea, locatedMembers } from '../db/queries/reach.js';
import { establishmentsOfDay, extractOfDay, registerBeyond } from './establishments-of-day.js';
import {
  answeredFrom,
  dayAsked,
  type NetworkOnDate,
  phaseName,
  regionCode,
  round,
  roundRadius,
} from './context.js';

export interface AreaFilter {
  snapshot: number;
  /** The day asked about: its council areas are those in force on it. */
  day: string;
  /** false for a network without groups: its areas' groups are null, not 0. */
  grouped: boolean;
  phase: string | null;
  region: string | null;
  /** null: skip the distance count. */
  radiusKm: number | null;
}

/**
 * Per council area, the located schools beyond a radius from every member, as worked out at import (see
 * precompute/reach.ts); null when no member (of the phase) has a location.
 */
export function schoolsBeyond(
  db: Db,
  snapshot: number,
  phase: string | null,
  radiusKm: number,
): Map<string, number> | null {
  const key = phase ?? ALL_PHASES;
  if (locatedMembers(db, snapshot, key) === 0) return null;
  return beyondByArea(db, snapshot, key, roundRadius(radiusKm).steps);
}

/** One row per council area in force on the day (of the region), by code. */
export function areaCoverage(db: Db, filter: AreaFilter): AreaCoverage[] {
  const members = new Map(membersByArea(db, filter.snapshot, filter.phase).map((m) => [m.la_code, m]));
  const established = establishmentsOfDay(db, filter.day, filter.phase);
  const schools = established.byArea;
  let beyond =
    filter.radiusKm === null ? null : schoolsBeyond(db, filter.snapshot, filter.phase, filter.radiusKm);
  // The register's establishments are measured from their 2018 locations (by URN), as worked out for the list.
  if (beyond !== null && filter.radiusKm !== null && established.extract?.kind === 'register')
    beyond = registerBeyond(db, filter.day, filter.snapshot, filter.phase, roundRadius(filter.radiusKm).km);
  return areasInForce(db, filter.day, filter.region).map((area) => {
    const m = members.get(area.la_code);
    const s = schools.get(area.la_code);
    const count = m?.members ?? 0;
    const schoolCount = s?.schools ?? 0;
    return {
      la_code: area.la_code,
      name: area.name,
      region_code: area.region_code,
      region: area.region,
      members: count,
      groups: filter.grouped ? (m?.groups ?? 0) : null,
      schools: schoolCount,
      pupils: s ? s.pupils : established.extract?.has_pupils === false ? null : 0,
      members_per_100_schools: schoolCount > 0 ? round((count / schoolCount) * 100, 2) : null,
      covered: count > 0,
      schools_with_coordinates: s?.with_coordinates ?? 0,
      schools_beyond_km: beyond === null ? null : (beyond.get(area.la_code) ?? 0),
    };
  });
}

export interface CoverageParams extends NetworkOnDate {
  region?: string | undefined;
  phase?: string | undefined;
  radius_km: number;
}

/** Coverage of every council area by a network on a date. */
export function coverage(db: Db, params: CoverageParams): Whole<Coverage> {
  const snapshot = listInForce(db, params);
  const radius = roundRadius(params.radius_km).km;
  const day = dayAsked(params, snapshot);
  const rows = areaCoverage(db, {
    snapshot: snapshot.id,
    day,
    grouped: isGrouped(db, params.network),
    phase: phaseName(db, params.phase),
    region: regionCode(db, params.region),
    radiusKm: radius,
  });
  return {
    ...answeredFrom(params, snapshot),
    radius_km: radius,
    establishments_extract: extractOfDay(db, day),
    rows,
  };
}
