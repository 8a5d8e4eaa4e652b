import type { Db } from '../db/gateway.js';
import { networkRows, type NetworkRow } from '../db/queries/networks.js';
import { snapshotCounts, snapshotOn, snapshotsOf } from '../db/queries/snapshots.js';

export interface NetworkSummary extends NetworkRow {
  snapshot_dates: string[];
  /** Counts from the snapshot in force on as_at (or the latest); null when the network has none by then. */
  latest: { as_at: string; members: number; groups: number } | null;
}

/** Each network with its labels, its snapshot dates, and its counts on a date (default: latest snapshot). */
export function networks(db: Db, params: { as_at?: string | undefined } = {}): NetworkSummary[] {
  return networkRows(db).map((network) => {
    const snapshot = snapshotOn(db, network.id, params.as_at);
    return {
      ...network,
      snapshot_dates: snapshotsOf(db, network.id).map((s) => s.as_at),
      latest: snapshot ? { as_at: snapshot.as_at, ...snapshotCounts(db, snapshot.id) } : null,
    };
  });
}
