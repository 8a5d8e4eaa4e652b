import type { Db } from '../db/gateway.js';
import { membersByRegion, memberTotals } from '../db/queries/members.js';
import {
  answeredFrom,
  type NetworkId,
  type NetworkOnDate,
  phaseName,
  regionCode,
  round,
  snapshotFor,
} from './context.js';
import { areaCoverage } from './coverage.js';

export interface SummaryParams extends NetworkOnDate {
  region?: string | undefined;
  phase?: string | undefined;
}

export interface Summary {
  network: NetworkId;
  as_at: string;
  snapshot_as_at: string;
  members: number;
  groups: number;
  council_areas_total: number;
  council_areas_covered: number;
  coverage_pct: number;
  uncovered: { la_code: string; name: string; region: string | null }[];
  schools_total: number;
  pupils_in_member_schools: number | null;
  /** Members serving each ONS region (of the council areas they serve), each member counted once per region. */
  members_by_region: { region: string; members: number }[];
}

/** The headline figures of a network on a date: members, groups, council areas covered, schools. */
export function summary(db: Db, params: SummaryParams): Summary {
  const snapshot = snapshotFor(db, params);
  const phase = phaseName(db, params.phase);
  const region = regionCode(db, params.region);
  const totals = memberTotals(db, {
    snapshot: snapshot.id,
    la: null,
    region,
    group: null,
    phase,
    name: null,
  });
  const areas = areaCoverage(db, { snapshot: snapshot.id, phase, region, radiusKm: null });
  const covered = areas.filter((a) => a.covered).length;
  return {
    ...answeredFrom(params, snapshot),
    members: totals.members,
    groups: totals.groups,
    council_areas_total: areas.length,
    council_areas_covered: covered,
    coverage_pct: areas.length > 0 ? round((covered / areas.length) * 100, 1) : 0,
    uncovered: areas
      .filter((a) => !a.covered)
      .map((a) => ({ la_code: a.la_code, name: a.name, region: a.region })),
    schools_total: areas.reduce((sum, a) => sum + a.schools, 0),
    pupils_in_member_schools: totals.pupils,
    members_by_region: membersByRegion(db, snapshot.id, phase),
  };
}
