import { one, page, value, type Db } from '../gateway.js';
import { groupKey } from '../writes/networks.js';
import { MEMBER_WHERE, type MemberFilter } from './members.js';

export interface GroupRow {
  id: number;
  name: string;
  members: number;
  /** ';'-separated, of all its members on the snapshot. */
  la_codes: string | null;
  /** Separated by U+001F (names may hold any punctuation). */
  member_names: string | null;
}

// Groups with at least one member matching the filter (all of their members are counted), named like @group_name.
const CHOSEN = `SELECT DISTINCT sm.group_id FROM snapshot_members sm WHERE sm.group_id IS NOT NULL AND ${MEMBER_WHERE}`;
const GROUP_WHERE = `g.id IN (${CHOSEN}) AND (@group_name IS NULL OR g.name LIKE @group_name ESCAPE '\\')`;

/**
 * A page of the groups of a snapshot, by name, with the total that match. (The unary + keeps SQLite on the
 * (snapshot, group) index for a group's areas: by the area index it would read the whole list once per group.)
 */
export function groupPage(
  db: Db,
  filter: MemberFilter & { group_name: string | null },
  limit: number,
  offset: number,
) {
  const params = { ...filter };
  const total = value<number>(db, `SELECT count(*) FROM groups g WHERE ${GROUP_WHERE}`, params)!;
  const rows = page<GroupRow>(
    db,
    `SELECT g.id, g.name, count(*) AS members,
       (SELECT group_concat(la_code, ';') FROM (SELECT DISTINCT +s2.la_code AS la_code FROM snapshot_members s2
          WHERE s2.snapshot_id = @snapshot AND s2.group_id = g.id AND +s2.la_code IS NOT NULL ORDER BY 1)) AS la_codes,
       group_concat(m.name, char(31)) AS member_names
     FROM groups g
     JOIN (SELECT group_id, name FROM snapshot_members WHERE snapshot_id = @snapshot ORDER BY name) m ON m.group_id = g.id
     WHERE ${GROUP_WHERE}
     GROUP BY g.id ORDER BY g.name COLLATE NOCASE, g.id`,
    params,
    limit,
    offset,
  );
  return { rows, total };
}

export interface GroupRef {
  id: number;
  name: string;
}

/** A group of a network by id or by name (ignoring case and spacing). */
export function findGroup(db: Db, networkId: string, idOrName: string): GroupRef | undefined {
  return one<GroupRef>(
    db,
    `SELECT id, name FROM groups WHERE network_id = @network AND (CAST(id AS TEXT) = @id OR group_key = @key)
     ORDER BY CAST(id AS TEXT) = @id DESC LIMIT 1`,
    { network: networkId, id: idOrName, key: groupKey(idOrName) },
  );
}
