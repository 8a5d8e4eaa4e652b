import type { NetworkSummary } from '../contract/registry.js';
import type { Db } from '../db/gateway.js';
import { networkRows } from '../db/queries/networks.js';
import { snapshotCounts, snapshotsOf } from '../db/queries/snapshots.js';
import { findListInForce, isListInForce, networkPeriod } from './list-in-force.js';

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
