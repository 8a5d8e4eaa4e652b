import type { Members } from '../contract/registry.js';
import type { Db } from '../db/gateway.js';
import { listInForce } from './list-in-force.js';
import { councilAreaRow } from '../db/queries/areas.js';
import { findGroup } from '../db/queries/groups.js';
import { memberPage, type MemberFilter } from '../db/queries/members.js';
import { answeredFrom, containsPattern, type NetworkOnDate, phaseName, regionCode } from './context.js';
import { ParameterError } from './errors.js';

export interface MemberListParams extends NetworkOnDate {
  la?: string | undefined;
  region?: string | undefined;
  group?: string | undefined;
  phase?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** The filter a list's parameters describe, each name checked against the registry. */
export function memberFilter(db: Db, snapshot: number, params: MemberListParams): MemberFilter {
  let la: string | null = null;
  if (params.la) {
    const area = councilAreaRow(db, params.la);
    if (!area) throw new ParameterError('la', params.la, `'${params.la}' is not a council area code`);
    la = area.la_code;
  }
  let group: number | null = null;
  if (params.group) {
    const found = findGroup(db, params.network, params.group);
    if (!found)
      throw new ParameterError('group', params.group, `'${params.group}' is not a ${params.network} group`);
    group = found.id;
  }
  return {
    snapshot,
    la,
    region: regionCode(db, params.region),
    group,
    phase: phaseName(db, params.phase),
    name: containsPattern(params.q),
  };
}

/** The members of a network on a date, filtered and paginated, by name. */
export function members(db: Db, params: MemberListParams): Members {
  const snapshot = listInForce(db, params);
  const { rows, total } = memberPage(db, memberFilter(db, snapshot.id, params), params.limit, params.offset);
  return {
    ...answeredFrom(params, snapshot),
    rows: rows.map((r) => ({ ...r, serves: r.serves ? r.serves.split(';') : [] })),
    total,
    limit: params.limit,
    offset: params.offset,
  };
}
