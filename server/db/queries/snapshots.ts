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
