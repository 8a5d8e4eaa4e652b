import type { Db } from '../db/gateway.js';
import { networkRows, type NetworkRow } from '../db/queries/networks.js';
import { snapshotCounts, snapshotsOf } from '../db/queries/snapshots.js';
import { findListInForce, isListInForce, networkPeriod, type NetworkPeriod } from './list-in-force.js';

export interface NetworkSummary extends Omit<NetworkRow, 'members_are_schools'>, NetworkPeriod {
  /** Whether members are schools (a hub is placed at its lead school, but is not one). */
  members_are_schools: boolean;
  snapshot_dates: string[];
  /** Counts from the list in force on as_at (or the latest); null when none is (before the first, after the end). */
  latest: { as_at: string; in_force_to: string | null; members: number; groups: number | null } | null;
  /** Why latest is null on as_at, in words; null when a list is in force. */
  no_list: string | null;
}

/** Each network with its labels, its period, its list dates, and its counts on a date (default: latest list). */
export function networks(db: Db, params: { as_at?: string | undefined } = {}): NetworkSummary[] {
  return networkRows(db).map((network) => {
    const found = findListInForce(db, network.id, params.as_at);
    const inForce = isListInForce(found) ? found : null;
    const counts = inForce ? snapshotCounts(db, inForce.id) : null;
    return {
      ...network,
      members_are_schools: network.members_are_schools === 1,
      ...networkPeriod(db, network.id),
      snapshot_dates: snapshotsOf(db, network.id).map((s) => s.as_at),
      latest:
        inForce && counts
          ? {
              as_at: inForce.as_at,
              in_force_to: inForce.in_force_to,
              members: counts.members,
              groups: network.group_label === null ? null : counts.groups,
            }
          : null,
      no_list: isListInForce(found) ? null : found.message,
    };
  });
}
