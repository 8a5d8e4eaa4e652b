import type { Db } from '../db/gateway.js';
import { regionRows } from '../db/queries/areas.js';
import { memberTotals, membersByHomeRegion } from '../db/queries/members.js';
import {
  answeredFrom,
  dayAsked,
  phaseName,
  regionCode,
  round,
  type Answered,
  type NetworkOnDate,
} from './context.js';
import { areaCoverage } from './coverage.js';
import { latestPublished, publishedFigures } from './figures.js';
import { networkRow } from './labels.js';
import { listInForce } from './list-in-force.js';
import type { Publication } from './publications.js';

export interface SummaryParams extends NetworkOnDate {
  region?: string | undefined;
  phase?: string | undefined;
}

/** A region's members, each member counted once (in the region of the council areas it serves). */
export interface RegionSummary {
  region_code: string;
  region: string;
  members: number;
  council_areas: number;
  council_areas_covered: number;
}

/** The latest published total of members dated on or before as_at, as published. */
export interface PublishedTotal {
  date: string;
  precision: string;
  total: number;
  qualifier: string;
  source_title: string;
  source_url: string | null;
  publication: Publication;
}

export interface Summary extends Answered {
  members: number;
  /** Distinct groups; null for a network without groups (groups_note says why). */
  groups: number | null;
  groups_note: string | null;
  council_areas_total: number;
  council_areas_covered: number;
  coverage_pct: number;
  uncovered: { la_code: string; name: string; region: string | null }[];
  /** Establishments in the council areas (of the phase, when one is asked for). */
  schools_total: number;
  /** Pupils on roll of the members that are schools with a pupil count: a lower bound; null when none has one. */
  pupils_in_member_schools: number | null;
  /** How many members that counts, of `members`. */
  member_schools_with_pupils: number;
  published_total: PublishedTotal | null;
  /** Members by region, each counted once; totals `members` when no region or phase is asked for. */
  by_region: RegionSummary[];
}

/** The headline figures of a network on a date: members, groups, council areas covered, establishments. */
export function summary(db: Db, params: SummaryParams): Summary {
  const list = listInForce(db, params);
  const phase = phaseName(db, params.phase);
  const region = regionCode(db, params.region);
  const network = networkRow(db, params.network);
  const totals = memberTotals(db, { snapshot: list.id, la: null, region, group: null, phase, name: null });
  const areas = areaCoverage(db, {
    snapshot: list.id,
    day: dayAsked(params, list),
    grouped: network.group_label !== null,
    phase,
    region,
    radiusKm: null,
  });
  const covered = areas.filter((a) => a.covered).length;
  const answered = answeredFrom(params, list);
  const published = latestPublished(publishedFigures(db, params.network), 'members', answered.as_at);
  return {
    ...answered,
    members: totals.members,
    groups: network.group_label === null ? null : totals.groups,
    groups_note: network.groups_note,
    council_areas_total: areas.length,
    council_areas_covered: covered,
    coverage_pct: areas.length > 0 ? round((covered / areas.length) * 100, 1) : 0,
    uncovered: areas
      .filter((a) => !a.covered)
      .map((a) => ({ la_code: a.la_code, name: a.name, region: a.region })),
    schools_total: areas.reduce((sum, a) => sum + a.schools, 0),
    pupils_in_member_schools: network.members_are_schools ? totals.pupils : null,
    member_schools_with_pupils: network.members_are_schools ? totals.with_pupils : 0,
    published_total: published && {
      date: published.date,
      precision: published.precision,
      total: published.value,
      qualifier: published.qualifier,
      source_title: published.source_title,
      source_url: published.source_url,
      publication: published.publication,
    },
    by_region: byRegion(db, list.id, phase, areas, region),
  };
}

function byRegion(
  db: Db,
  snapshot: number,
  phase: string | null,
  areas: ReturnType<typeof areaCoverage>,
  region: string | null,
): RegionSummary[] {
  const members = new Map(membersByHomeRegion(db, snapshot, phase).map((r) => [r.region_code, r.members]));
  return regionRows(db)
    .filter((r) => region === null || r.code === region)
    .map((r) => {
      const own = areas.filter((a) => a.region_code === r.code);
      return {
        region_code: r.code,
        region: r.name,
        members: members.get(r.code) ?? 0,
        council_areas: own.length,
        council_areas_covered: own.filter((a) => a.covered).length,
      };
    });
}
