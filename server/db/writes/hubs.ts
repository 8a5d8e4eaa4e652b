import { run, type Db } from '../gateway.js';

/** Where a hub is placed on a list: the URN whose establishment locates it, and, when inherited, from where. */
export function setHubLocation(
  db: Db,
  snapshotId: number,
  memberId: number,
  location: { urn: number | null; via: string | null },
): void {
  run(db, 'UPDATE snapshot_members SET location_urn = ? WHERE snapshot_id = ? AND member_id = ?', [
    location.urn,
    snapshotId,
    memberId,
  ]);
  run(db, 'UPDATE hub_listings SET location_via = ? WHERE snapshot_id = ? AND member_id = ?', [
    location.via,
    snapshotId,
    memberId,
  ]);
}
