// A hub is placed at its lead school. A list that names no lead school (the hub finder's) places a hub only where
// the match with the list before says it is the same hub, confirmed by URN, website or name: then it is where
// that hub was. Recomputed over every hub list in date order whenever one is imported, so a list imported between
// two others passes locations on as the match says.
import type { Db } from '../db/gateway.js';
import { hubListings, type HubListingRow } from '../db/queries/hubs.js';
import { snapshotsOf } from '../db/queries/snapshots.js';
import { setHubLocation } from '../db/writes/hubs.js';
import { matchHubs } from '../hubs/match.js';

export function relocateHubs(db: Db): void {
  let before: { as_at: string; hubs: HubListingRow[] } | null = null;
  for (const snapshot of snapshotsOf(db, 'hubs')) {
    const hubs = hubListings(db, snapshot.id);
    const inherited = new Map<string, HubListingRow>();
    if (before) {
      const earlier = new Map(before.hubs.map((h) => [h.key, h]));
      for (const change of matchHubs(before.hubs, hubs).changes) {
        for (const link of change.same_hub)
          if (link.confirmed) inherited.set(link.to, earlier.get(link.from)!);
      }
    }
    for (const hub of hubs) {
      const from = hub.urn === null ? inherited.get(hub.key) : undefined;
      const location = from
        ? { urn: from.location_urn, via: `${from.key} as at ${before!.as_at}` }
        : { urn: hub.urn, via: null };
      setHubLocation(db, snapshot.id, hub.member_id, location);
      hub.location_urn = location.urn;
    }
    before = { as_at: snapshot.as_at, hubs };
  }
}
