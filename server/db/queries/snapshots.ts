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

/** Every snapshot (of one network, or all), with its counts and the file it came from; by network and date. */
export function snapshotStats(db: Db, networkId: string | null): SnapshotStats[] {
  return all<SnapshotStats>(
    db,
    `SELECT s.id, s.network_id, s.as_at, s.import_id, i.file_name,
       (SELECT count(*) FROM snapshot_members WHERE snapshot_id = s.id) AS members,
       (SELECT count(DISTINCT group_id) FROM snapshot_members WHERE snapshot_id = s.id) AS groups,
       (SELECT count(DISTINCT la_code) FROM snapshot_member_areas WHERE snapshot_id = s.id) AS council_areas_covered
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

/** Members serving one area on each snapshot of a network. */
export function areaHistory(db: Db, networkId: string, laCode: string): AreaHistoryRow[] {
  return all<AreaHistoryRow>(
    db,
    `SELECT s.as_at, count(sma.member_id) AS members FROM snapshots s
     LEFT JOIN snapshot_member_areas sma ON sma.snapshot_id = s.id AND sma.la_code = @la
     WHERE s.network_id = @network GROUP BY s.id ORDER BY s.as_at`,
    { network: networkId, la: laCode },
  );
}

export interface DiffMember {
  member_key: string;
  name: string;
  la_code: string | null;
  group_name: string | null;
}

/** Members listed on snapshot `inThis` and not on `notInThat`. */
export function membersOnlyIn(db: Db, inThis: number, notInThat: number): DiffMember[] {
  return all<DiffMember>(
    db,
    `SELECT m.member_key, sm.name, sm.la_code, g.name AS group_name
     FROM snapshot_members sm JOIN members m ON m.id = sm.member_id LEFT JOIN groups g ON g.id = sm.group_id
     WHERE sm.snapshot_id = @a AND sm.member_id NOT IN (SELECT member_id FROM snapshot_members WHERE snapshot_id = @b)
     ORDER BY sm.name COLLATE NOCASE, m.member_key`,
    { a: inThis, b: notInThat },
  );
}

export interface GroupMove {
  member_key: string;
  name: string;
  from_group: string | null;
  to_group: string | null;
}

/** Members on both snapshots whose group changed. */
export function groupMoves(db: Db, from: number, to: number): GroupMove[] {
  return all<GroupMove>(
    db,
    `SELECT m.member_key, b.name, ga.name AS from_group, gb.name AS to_group
     FROM snapshot_members a
     JOIN snapshot_members b ON b.member_id = a.member_id AND b.snapshot_id = @to
     JOIN members m ON m.id = a.member_id
     LEFT JOIN groups ga ON ga.id = a.group_id LEFT JOIN groups gb ON gb.id = b.group_id
     WHERE a.snapshot_id = @from AND a.group_id IS NOT b.group_id
     ORDER BY b.name COLLATE NOCASE, m.member_key`,
    { from, to },
  );
}
