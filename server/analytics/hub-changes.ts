import type { HubListingRow } from '../db/queries/hubs.js';
import { matchHubs } from '../hubs/match.js';
import type { HubChange, HubCounts } from '../hubs/types.js';

/** A hub as a list gives it, as a change shows it: its districts by name, as listed. */
export type HubRef = Pick<
  HubListingRow,
  'key' | 'name' | 'website' | 'urn' | 'lead_school' | 'list_area' | 'serves'
> & { places: string[] };

export interface HubAreaChange extends Omit<HubChange, 'from' | 'to'> {
  from: HubRef[];
  to: HubRef[];
}

/** Every area of two hub lists classified: continuing (and renamed), another hub, new, ended or redrawn. */
export interface HubChanges {
  counts: HubCounts;
  changes: HubAreaChange[];
}

const ref = (hub: HubListingRow): HubRef => ({
  key: hub.key,
  name: hub.name,
  website: hub.website,
  urn: hub.urn,
  lead_school: hub.lead_school,
  list_area: hub.list_area,
  places: hub.places.map((p) => p.name),
  serves: hub.serves,
});

/** The classification between two hub lists, each hub shown as its list gives it. */
export function hubChanges(earlier: HubListingRow[], later: HubListingRow[]): HubChanges {
  const match = matchHubs(earlier, later);
  const before = new Map(earlier.map((h) => [h.key, ref(h)]));
  const after = new Map(later.map((h) => [h.key, ref(h)]));
  return {
    counts: match.counts,
    changes: match.changes.map((c) => ({
      ...c,
      from: c.from.map((key) => before.get(key)!),
      to: c.to.map((key) => after.get(key)!),
    })),
  };
}

/** Later key -> earlier key of every pair the classification says is one hub. */
export function sameHubKeys(changes: HubChanges): Map<string, string> {
  return new Map(changes.changes.flatMap((c) => c.same_hub.map((s) => [s.to, s.from] as [string, string])));
}
