import { FIRST_AREA_DAY } from '../writes/council-areas.js';
import { all, one, type Db } from '../gateway.js';

export interface SnapshotRef {
  id: number;
  network_id: string;
  as_at: string;
}

/** The snapshot in force on a date: the network's latest with as_at <= date (any date when date is omitted). */
export function snapshotOn(db: Db, networkId: string, date: string | undefined): SnapshotRef | undefined {
  return one<SnapshotRef>(
    db,
    `SELECT id, network_id, as_at FROM snapshots
     WHERE network_id = @network AND (@date IS NULL OR as_at <= @date)
     ORDER BY as_at DESC LIMIT 1`,
    { network: networkId, date: date ?? null },
  );
}

/** Every snapshot of a network, oldest first. */
export function snapshotsOf(db: Db, networkId: string): SnapshotRef[] {
  return all<SnapshotRef>(
    db,
    'SELECT id, network_id, as_at FROM snapshots WHERE network_id = ? ORDER BY as_at',
    [networkId],
  );
}

export interface SnapshotCounts {
  members: number;
  groups: number;
}

/** Members and distinct groups listed in a snapshot. */
export function snapshotCounts(db: Db, snapshotId: number): SnapshotCounts {
  return one<SnapshotCounts>(
    db,
    `SELECT count(*) AS members, count(DISTINCT group_id) AS groups
     FROM snapshot_members WHERE snapshot_id = ?`,
    [snapshotId],
  )!;
}

export interface SnapshotStats {
  id: number;
  network_id: string;
  as_at: string;
  import_id: number;
  file_name: string;
  members: number;
  groups: number;
  council_areas_covered: number;
}

/** Council areas served on a list (s), counted among the areas in force on the list's own day. */
export const AREAS_COVERED_ON_LIST_DAY = `SELECT count(DISTINCT x.la_code) FROM served_areas x
  JOIN council_areas a ON a.la_code = x.la_code
  WHERE x.snapshot_id = s.id AND a.valid_from <= max(s.as_at, '${FIRST_AREA_DAY}')
    AND (a.valid_to IS NULL OR a.valid_to >= s.as_at)`;

/** Every snapshot (of one network, or all), with its counts and the file it came from; by network and date. */
export function snapshotStats(db: Db, networkId: string | null): SnapshotStats[] {
  return all<SnapshotStats>(
    db,
    `SELECT s.id, s.network_id, s.as_at, s.import_id, i.file_name,
       (SELECT count(*) FROM snapshot_members WHERE snapshot_id = s.id) AS members,
       (SELECT count(DISTINCT group_id) FROM snapshot_members WHERE snapshot_id = s.id) AS groups,
       (${AREAS_COVERED_ON_LIST_DAY}) AS council_areas_covered
     FROM snapshots s JOIN imports i ON i.id = s.import_id
     WHERE @network IS NULL OR s.network_id = @network
     ORDER BY (SELECT rowid FROM networks WHERE id = s.network_id), s.as_at`,
    { network: networkId },
  );
}

export interface AreaHistoryRow {
  as_at: string;
  members: number;
}

/**
 * Members serving one area's ground on each snapshot of a network: for an area created since 2018, the members of
 * earlier lists serving the ground it was made from (served_areas).
 */
export function areaHistory(db: Db, networkId: string, laCode: string): AreaHistoryRow[] {
  return all<AreaHistoryRow>(
    db,
    `SELECT s.as_at, count(sma.member_id) AS members FROM snapshots s
     LEFT JOIN served_areas sma ON sma.snapshot_id = s.id AND sma.la_code = @la
     WHERE s.network_id = @network GROUP BY s.id ORDER BY s.as_at`,
    { network: networkId, la: laCode },
  );
}

/** A member as one snapshot lists it, for comparing two lists (by member key, and group key). */
export interface ListedMember {
  member_key: string;
  name: string;
  la_code: string | null;
  la_name: string | null;
  group_key: string | null;
  group_name: string | null;
  /** A JSON array of the names of the council areas the member serves, by name. */
  serves: string;
}

/** Every member of a snapshot with its home area, the areas it serves and its group, by name. */
export function listedMembers(db: Db, snapshotId: number): ListedMember[] {
  return all<ListedMember>(
    db,
    `SELECT m.member_key, sm.name, sm.la_code, a.name AS la_name, g.group_key, g.name AS group_name,
       (SELECT json_group_array(name) FROM (SELECT xa.name FROM snapshot_member_areas x
          JOIN council_areas xa ON xa.la_code = x.la_code
          WHERE x.snapshot_id = sm.snapshot_id AND x.member_id = sm.member_id ORDER BY xa.name)) AS serves
     FROM snapshot_members sm JOIN members m ON m.id = sm.member_id
     LEFT JOIN council_areas a ON a.la_code = sm.la_code LEFT JOIN groups g ON g.id = sm.group_id
     WHERE sm.snapshot_id = ?
     ORDER BY sm.name COLLATE NOCASE, m.member_key`,
    [snapshotId],
  );
}

/** The ids of the snapshots of a network (all networks when null), optionally of one date only. */
export function snapshotIds(db: Db, networkId: string | null, asAt: string | null = null): number[] {
  return all<{ id: number }>(
    db,
    `SELECT id FROM snapshots WHERE (@network IS NULL OR network_id = @network) AND (@as_at IS NULL OR as_at = @as_at)
     ORDER BY id`,
    { network: networkId, as_at: asAt },
  ).map((row) => row.id);
}
