import type { Db } from '../db/gateway.js';
import { listInForce } from './list-in-force.js';
import { councilAreaRow, type CouncilAreaRow } from '../db/queries/areas.js';
import { areaSchoolPhases, type PhaseCount } from '../db/queries/establishments.js';
import { membersServing } from '../db/queries/members.js';
import { areaHistory, type AreaHistoryRow } from '../db/queries/snapshots.js';
import { answeredFrom, type Answered, type NetworkOnDate, regionCode, roundRadius } from './context.js';
import { ALL_PHASES, nearestOutside } from '../db/queries/reach.js';
import { areaCoverage, type AreaCoverage } from './coverage.js';
import { NotFoundError } from './errors.js';
import { byNeed, NEAREST_MEASURED_FROM, nearbyMember, type NearbyMember } from './gaps.js';
import { isGrouped, networkRow } from './labels.js';
import { neighboursOf } from './neighbours.js';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export interface CouncilAreaListParams extends NetworkOnDate {
  region?: string | undefined;
  q?: string | undefined;
  /** For schools_beyond_km, the same figure as /coverage gives (default 15). */
  radius_km?: number | undefined;
}

/** The council areas with the network's members in each on a date; q matches names ignoring case and accents. */
export function councilAreas(db: Db, params: CouncilAreaListParams): AreaCoverage[] {
  const snapshot = listInForce(db, params);
  const rows = areaCoverage(db, {
    snapshot: snapshot.id,
    grouped: isGrouped(db, params.network),
    phase: null,
    region: regionCode(db, params.region),
    radiusKm: roundRadius(params.radius_km ?? 15).km,
  });
  if (!params.q) return rows;
  const q = fold(params.q);
  return rows.filter((r) => fold(r.name).includes(q) || r.la_code === params.q);
}

export interface CouncilAreaParams extends NetworkOnDate {
  la_code: string;
  radius_km: number;
}

export interface CouncilAreaProfile extends CouncilAreaRow, Answered {
  coverage: AreaCoverage;
  rank_by_need: number;
  members: {
    member_key: string;
    urn: number | null;
    name: string;
    group_id: number | null;
    group_name: string | null;
    phase: string | null;
    la_code: string | null;
  }[];
  /** The groups of its members; null for a network without groups (groups_note says why). */
  groups: { id: number; name: string; members_here: number }[] | null;
  groups_note: string | null;
  schools_by_phase: PhaseCount[];
  neighbours: (AreaCoverage & { adjacent: boolean; km: number | null })[];
  nearest_members_outside: NearbyMember[];
  nearest_measured_from: string;
  history: AreaHistoryRow[];
}

/**
 * One council area: its members and groups, schools, neighbours' coverage and history over the snapshots. Its
 * rank by need is its place among every area ranked as /gaps ranks them (of every phase); of the nearest members
 * outside, only its own are read.
 */
export function councilArea(db: Db, params: CouncilAreaParams): CouncilAreaProfile {
  const area = councilAreaRow(db, params.la_code);
  if (!area) throw new NotFoundError(`no council area '${params.la_code}'`);
  const snapshot = listInForce(db, params);
  const ranked = areaCoverage(db, {
    snapshot: snapshot.id,
    grouped: isGrouped(db, params.network),
    phase: null,
    region: null,
    radiusKm: roundRadius(params.radius_km).km,
  }).sort(byNeed);
  const byCode = new Map(ranked.map((r) => [r.la_code, r]));
  const coverage = byCode.get(area.la_code)!;
  const members = membersServing(db, snapshot.id, area.la_code);
  const groups = new Map<number, { id: number; name: string; members_here: number }>();
  for (const m of members) {
    if (m.group_id === null) continue;
    const g = groups.get(m.group_id) ?? { id: m.group_id, name: m.group_name ?? '', members_here: 0 };
    g.members_here += 1;
    groups.set(m.group_id, g);
  }
  return {
    ...area,
    ...answeredFrom(params, snapshot),
    coverage,
    rank_by_need: ranked.indexOf(coverage) + 1,
    members: members.map((m) => ({
      member_key: m.member_key,
      urn: m.urn,
      name: m.name,
      group_id: m.group_id,
      group_name: m.group_name,
      phase: m.phase,
      la_code: m.la_code,
    })),
    groups: isGrouped(db, params.network)
      ? [...groups.values()].sort((a, b) => a.name.localeCompare(b.name))
      : null,
    groups_note: networkRow(db, params.network).groups_note,
    schools_by_phase: areaSchoolPhases(db, area.la_code),
    neighbours: neighboursOf(db, area.la_code).flatMap((n) => {
      const row = byCode.get(n.la_code);
      return row ? [{ ...row, adjacent: n.adjacent, km: n.km }] : [];
    }),
    nearest_members_outside: nearestOutside(db, snapshot.id, ALL_PHASES, area.la_code).map(nearbyMember),
    nearest_measured_from: NEAREST_MEASURED_FROM,
    history: areaHistory(db, params.network, area.la_code),
  };
}
