import type { HubChanges } from '../contract/hubs.js';
import type { HubListingRow } from '../db/queries/hubs.js';
import { matchHubs, type Through } from '../hubs/match.js';

export type { HubChanges };
type HubAreaChange = HubChanges['changes'][number];
/** A hub as a list gives it, as a change shows it: its districts by name, as listed. */
type HubRef = HubAreaChange['from'][number];
/** One list to the next, on the way between the two lists compared. */
type HubStep = HubChanges['steps'][number];

/** A hub list with its date. */
export interface DatedHubList {
  as_at: string;
  hubs: HubListingRow[];
}

const ref = (hub: HubListingRow): HubRef => ({
  key: hub.key,
  name: hub.name,
  website: hub.website,
  urn: hub.urn,
  lead_school: hub.lead_school,
  list_area: hub.list_area,
  places: hub.places.map((p) => p.name),
  unplaced: hub.places.filter((p) => p.unplaced).map((p) => p.name),
  serves: hub.serves,
});

/**
 * The lists between, stepped one to the next: a hub of the last list is a hub of the first only when every step
 * says it is the same hub; the words say what decided each step.
 */
function chainThrough(lists: readonly DatedHubList[]): { through: Through; steps: HubStep[] } {
  const matches = lists.slice(1).map((list, k) => matchHubs(lists[k]!.hubs, list.hubs));
  const links = matches.map(
    (m) =>
      new Map(m.changes.flatMap((c) => c.same_hub.map((s) => [s.to, { from: s.from, change: c }] as const))),
  );
  const through: Through = new Map();
  for (const hub of lists.at(-1)!.hubs) {
    let key = hub.key;
    let organisation = false;
    let byAreas = false;
    const said: string[] = [];
    let k = links.length - 1;
    for (; k >= 0; k--) {
      const link = links[k]!.get(key);
      if (!link) break;
      organisation ||= link.change.organisation_changed;
      byAreas ||= link.change.class === 'successor';
      said.unshift(`${link.from} to ${key} (${lists[k + 1]!.as_at}): ${link.change.decided_by}`);
      key = link.from;
    }
    if (k < 0) {
      through.set(hub.key, {
        from: key,
        organisation_changed: organisation,
        by_areas: byAreas,
        decided_by: `${byAreas ? 'its successor by areas' : 'the same hub'} on every list between, step by step: ${said.join('. ')}`,
      });
    }
  }
  const steps = matches.map((m, k) => ({ from: lists[k]!.as_at, to: lists[k + 1]!.as_at, counts: m.counts }));
  return { through, steps };
}

/**
 * The classification between the first and last of a run of hub lists in date order, each hub shown as its list
 * gives it: two lists compared directly, more stepped through the lists between.
 */
export function hubChangesThrough(lists: readonly DatedHubList[]): HubChanges {
  if (lists.length <= 2) {
    const [first, last] = [lists[0]!, lists.at(-1)!];
    const changes = hubChanges(first.hubs, last.hubs);
    return lists.length === 2
      ? { ...changes, steps: [{ from: first.as_at, to: last.as_at, counts: changes.counts }] }
      : changes;
  }
  const { through, steps } = chainThrough(lists);
  return { ...hubChanges(lists[0]!.hubs, lists.at(-1)!.hubs, through), steps };
}

/** The classification between two hub lists, each hub shown as its list gives it. */
export function hubChanges(earlier: HubListingRow[], later: HubListingRow[], through?: Through): HubChanges {
  const match = matchHubs(earlier, later, through);
  const before = new Map(earlier.map((h) => [h.key, ref(h)]));
  const after = new Map(later.map((h) => [h.key, ref(h)]));
  return {
    counts: match.counts,
    steps: [],
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
