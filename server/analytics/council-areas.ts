import type { CouncilAreaProfile, CouncilAreas } from '../contract/areas.js';
import type { Whole } from '../contract/common.js';
import type { Db } from '../db/gateway.js';
import { listInForce } from './list-in-force.js';
import { areaLifetime, councilAreaRow, type AreaLifetime } from '../db/queries/areas.js';
import { membersServing } from '../db/queries/members.js';
import { areaHistory } from '../db/queries/snapshots.js';
import { answeredFrom, dayAsked, type NetworkOnDate, regionCode, roundRadius } from './context.js';
import { formatDate } from '../../common/dates.js';
import { ALL_PHASES, nearestOutside } from '../db/queries/reach.js';
import { areaCoverage } from './coverage.js';
import { areaPhasesOfDay, extractOfDay } from './establishments-of-day.js';
import { NotFoundError } from './errors.js';
import { byNeed, NEAREST_MEASURED_FROM, nearbyMember } from './gaps.js';
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
export function councilAreas(db: Db, params: CouncilAreaListParams): Whole<CouncilAreas> {
  const snapshot = listInForce(db, params);
  const day = dayAsked(params, snapshot);
  const rows = areaCoverage(db, {
    snapshot: snapshot.id,
    day,
    grouped: isGrouped(db, params.network),
    phase: null,
    region: regionCode(db, params.region),
    radiusKm: roundRadius(params.radius_km ?? 15).km,
  });
  const q = params.q ? fold(params.q) : null;
  return {
    establishments_extract: extractOfDay(db, day),
    rows: q === null ? rows : rows.filter((r) => fold(r.name).includes(q) || r.la_code === params.q),
  };
}

export interface CouncilAreaParams extends NetworkOnDate {
  la_code: string;
  radius_km: number;
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
  const lifetime = areaLifetime(db, area.la_code)!;
  const asked = dayAsked(params, snapshot);
  const areasDay = nearestDayInForce(lifetime, asked);
  const ranked = areaCoverage(db, {
    snapshot: snapshot.id,
    day: areasDay,
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
    lifetime,
    in_force: areasDay === asked,
    areas_as_at: areasDay,
    lifetime_note: areasDay === asked ? null : lifetimeNote(area.name, lifetime, asked),
    coverage,
    establishments_extract: extractOfDay(db, areasDay),
    rank_by_need: ranked.indexOf(coverage) + 1,
    areas_ranked: ranked.length,
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
    schools_by_phase: areaPhasesOfDay(db, areasDay, area.la_code),
    neighbours: neighboursOf(db, area.la_code, areasDay).flatMap((n) => {
      const row = byCode.get(n.la_code);
      return row ? [{ ...row, adjacent: n.adjacent, km: n.km }] : [];
    }),
    nearest_members_outside: nearestOutside(db, snapshot.id, ALL_PHASES, area.la_code).map(nearbyMember),
    nearest_measured_from: NEAREST_MEASURED_FROM,
    history: areaHistory(db, params.network, area.la_code),
  };
}

/** The day asked if the area was in force on it; else its last day (asked after it ended) or its first. */
export function nearestDayInForce(lifetime: AreaLifetime, day: string): string {
  if (lifetime.valid_to !== null && day > lifetime.valid_to) return lifetime.valid_to;
  if (lifetime.valid_from !== null && day < lifetime.valid_from) return lifetime.valid_from;
  return day;
}

const names = (areas: { la_code: string; name: string }[]): string =>
  areas.map((a) => `${a.name} (${a.la_code})`).join(' and ');

/** 'Cumbria ended on 31 March 2023, before 1 October 2025: replaced by Cumberland (942) and ...'. */
export function lifetimeNote(name: string, lifetime: AreaLifetime, day: string): string {
  if (lifetime.valid_to !== null && day > lifetime.valid_to) {
    const by = lifetime.successors.length > 0 ? `: replaced by ${names(lifetime.successors)}` : '';
    return (
      `${name} ended on ${formatDate(lifetime.valid_to, 'day')}, before ${formatDate(day, 'day')}${by}. ` +
      `Its figures are those of the list in force on ${formatDate(day, 'day')} among the areas of its last day.`
    );
  }
  const from = lifetime.predecessors.length > 0 ? `: it replaced ${names(lifetime.predecessors)}` : '';
  return (
    `${name} began on ${formatDate(lifetime.valid_from!, 'day')}, after ${formatDate(day, 'day')}${from}. ` +
    `Its figures are those of the list in force on ${formatDate(day, 'day')} among the areas of its first day.`
  );
}
