import type { Gaps } from '../contract/areas.js';
import type { Whole } from '../contract/common.js';
import type { AreaCoverage, NearbyMember } from '../contract/rows.js';
import type { Db } from '../db/gateway.js';
import { ALL_PHASES, nearestOutside, type NearestOutsideRow } from '../db/queries/reach.js';
import { listInForce } from './list-in-force.js';
import { answeredFrom, dayAsked, phaseName, regionCode, round, roundRadius } from './context.js';
import { areaCoverage, type CoverageParams } from './coverage.js';
import { extractOfDay } from './establishments-of-day.js';
import { membersByArea } from '../db/queries/members.js';
import { counted, isGrouped, networkRow } from './labels.js';
import { hubService, type AreaService } from './hub-service.js';
import { unservedByArea, type Unserved } from './unserved.js';

/** How nearest_members are measured, said in every answer that has them. */
export const NEAREST_MEASURED_FROM =
  'the nearest of the area’s own located schools (of the phase, when one is asked for): each member’s ' +
  'km is its great-circle distance to the school named by from_urn';

export function nearbyMember(row: NearestOutsideRow): NearbyMember {
  return {
    member_key: row.member_key,
    name: row.name,
    la_code: row.member_la_code,
    km: round(row.km, 1),
    from_urn: row.from_urn,
  };
}

/** Need first: uncovered, then fewest members per school, then most schools beyond the radius; then by code. */
export function byNeed(a: AreaCoverage, b: AreaCoverage): number {
  return (
    Number(a.covered) - Number(b.covered) ||
    (a.members_per_100_schools ?? Infinity) - (b.members_per_100_schools ?? Infinity) ||
    (b.schools_beyond_km ?? 0) - (a.schools_beyond_km ?? 0) ||
    a.la_code.localeCompare(b.la_code)
  );
}

/** What a reason says about the phase asked for: '' when none, else the words after the noun. */
function ofPhase(phase: string | null): string {
  return phase === null ? '' : ` of phase ${phase}`;
}

/**
 * Why an area ranks where it does, in words, for the phase asked about: with a phase, members and schools are
 * those of the phase, and members of other phases serving the area are said, so an area is never said to have
 * none when it has some of another phase.
 */
export function reason(
  area: AreaCoverage,
  words: { member: string; radiusKm: number; phase: string | null; otherPhases: number },
): string {
  const { member, phase } = words;
  // Establishments, not schools: the count includes those GIAS gives no phase of education ("Not applicable").
  const schools = `${area.schools} establishment${area.schools === 1 ? '' : 's'}${ofPhase(phase)}`;
  const others =
    phase !== null && words.otherPhases > 0
      ? `; ${counted(words.otherPhases, member)} of other phases ${words.otherPhases === 1 ? 'does' : 'do'}`
      : '';
  const first = area.covered
    ? `${counted(area.members, member)}${ofPhase(phase)} for ${schools} (${area.members_per_100_schools} per 100)`
    : `no ${member}${ofPhase(phase)} serves ${area.name} (${schools}${others})`;
  if (area.schools_beyond_km === null || area.schools_beyond_km === 0) return first;
  return (
    `${first}; ${area.schools_beyond_km} of ${area.schools_with_coordinates} located establishments${ofPhase(phase)} ` +
    `are more than ${words.radiusKm} km from one`
  );
}

/**
 * Why an area ranks where it does for a network whose members serve areas (hubs): which hubs serve it, and which
 * part when only a part; no hub: every establishment in it is unserved. Never a distance: a hub is not a place,
 * and it serves every phase (a phase asked for narrows the establishments counted, not the hubs).
 */
export function hubReason(
  area: AreaCoverage,
  service: AreaService | undefined,
  phase: string | null,
  unserved: Unserved | null = null,
): string {
  const schools = `${area.schools} establishment${area.schools === 1 ? '' : 's'}${ofPhase(phase)}`;
  if (!service) return `no hub serves ${area.name}: its ${schools} are unserved`;
  // A hub of a list without codes is keyed by its name: said once.
  const named = (h: AreaService['hubs'][number]) =>
    h.key.startsWith(h.name) ? h.name : `${h.key} ${h.name}`;
  const hubs = service.hubs.map((h) => `${named(h)} (${h.places.join(', ')})`).join('; ');
  if (service.part === null) return `served by ${hubs}: its ${schools} are served`;
  const known = unserved?.establishments;
  // Which establishments lie in the part no hub names is known when whole later areas make it (unserved.ts).
  return known && unserved?.note === null
    ? `served in part by ${hubs}: ${service.part}; ${known.length} of its ${schools} lie in the part no hub ` +
        'names and are unserved'
    : `served in part by ${hubs}: ${service.part}; the list cannot say which of its ${schools} lie in the part ` +
        'no hub names';
}

/** Council areas ranked by need of the network, each with the reason and the nearest members outside it. */
export function gaps(db: Db, params: CoverageParams): Whole<Gaps> {
  const snapshot = listInForce(db, params);
  const phase = phaseName(db, params.phase);
  const radius = roundRadius(params.radius_km).km;
  const areas = areaCoverage(db, {
    snapshot: snapshot.id,
    day: dayAsked(params, snapshot),
    grouped: isGrouped(db, params.network),
    phase,
    region: regionCode(db, params.region),
    radiusKm: radius,
  }).sort(byNeed);
  const network = networkRow(db, params.network);
  const label = network.member_label;
  // Hubs reach the areas they serve: said area by area, with the part where only a part is served.
  const service = network.members_are_schools
    ? null
    : hubService(db, snapshot.id, dayAsked(params, snapshot));
  const unserved = service
    ? unservedByArea(db, dayAsked(params, snapshot), areas, service, phase)
    : new Map<string, Unserved>();
  // Members of every phase, to say so when an area has none of the phase asked about but has others.
  const allPhases =
    phase === null ? null : new Map(membersByArea(db, snapshot.id, null).map((m) => [m.la_code, m.members]));
  const nearest = new Map<string, NearbyMember[]>();
  for (const row of nearestOutside(db, snapshot.id, phase ?? ALL_PHASES, null)) {
    nearest.set(row.la_code, [...(nearest.get(row.la_code) ?? []), nearbyMember(row)]);
  }
  const rows = areas.map((area, i) => ({
    ...area,
    rank: i + 1,
    reason: service
      ? hubReason(area, service.get(area.la_code), phase, unserved.get(area.la_code) ?? null)
      : reason(area, {
          member: label,
          radiusKm: radius,
          phase,
          otherPhases: (allPhases?.get(area.la_code) ?? 0) - area.members,
        }),
    nearest_members: nearest.get(area.la_code) ?? [],
    unserved: unserved.get(area.la_code) ?? null,
  }));
  return {
    ...answeredFrom(params, snapshot),
    radius_km: radius,
    establishments_extract: extractOfDay(db, dayAsked(params, snapshot)),
    nearest_measured_from: NEAREST_MEASURED_FROM,
    rows,
  };
}
