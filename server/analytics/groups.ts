import type { Groups } from '../contract/registry.js';
import type { Db } from '../db/gateway.js';
import { listInForce } from './list-in-force.js';
import { groupPage } from '../db/queries/groups.js';
import { answeredFrom, containsPattern } from './context.js';
import { networkRow } from './labels.js';
import { memberFilter, type MemberListParams } from './members.js';

/** A network's groups on a date (those with a member matching the filters), by name; q matches the group's name. */
export function groups(db: Db, params: Omit<MemberListParams, 'group'>): Groups {
  const network = networkRow(db, params.network);
  const snapshot = listInForce(db, params);
  const page = { limit: params.limit, offset: params.offset, groups_note: network.groups_note };
  if (network.group_label === null) {
    return { ...answeredFrom(params, snapshot), rows: null, total: null, ...page };
  }
  const filter = memberFilter(db, snapshot.id, { ...params, q: undefined });
  const { rows, total } = groupPage(
    db,
    { ...filter, group_name: containsPattern(params.q) },
    params.limit,
    params.offset,
  );
  return {
    ...answeredFrom(params, snapshot),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      members: r.members,
      la_codes: r.la_codes ? r.la_codes.split(';') : [],
      member_names: r.member_names ? r.member_names.split('\u001f') : [],
    })),
    total,
    ...page,
  };
}
