// How two hubs' areas compare, district by district, as far as their lists say.
import type { HubEvidence, ListedHub } from './types.js';

export interface Cover {
  /** The places as listed (normalised): two hubs listing the very same places serve the same area. */
  names: Set<string>;
  /** Districts it surely serves. */
  def: Set<string>;
  /** Districts it may serve: those, and the districts of the parts it names or shares. */
  poss: Set<string>;
}

export const districtKey = (district: string): string =>
  district
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const subset = (a: Set<string>, b: Set<string>): boolean => [...a].every((x) => b.has(x));
export const meets = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => b.has(x));

/** Districts two hubs of one list both name: each serves only a part of them, whatever its list says. */
export function sharedDistricts(list: readonly ListedHub[]): Set<string> {
  const owners = new Map<string, Set<string>>();
  for (const hub of list) {
    for (const district of hub.places.flatMap((p) => p.districts)) {
      const key = districtKey(district);
      owners.set(key, (owners.get(key) ?? new Set()).add(hub.key));
    }
  }
  return new Set([...owners].filter(([, hubs]) => hubs.size > 1).map(([key]) => key));
}

export function coverOf(hub: ListedHub, shared: Set<string>): Cover {
  const cover: Cover = {
    names: new Set(hub.places.map((p) => districtKey(p.name))),
    def: new Set(),
    poss: new Set(),
  };
  for (const place of hub.places) {
    for (const key of place.districts.map(districtKey)) {
      cover.poss.add(key);
      if (!place.part && !shared.has(key)) cover.def.add(key);
    }
  }
  return cover;
}

/**
 * How two hubs' areas compare; null when they have no district in common, even possibly. The very same places
 * listed are the same area, whatever parts they name; otherwise districts decide.
 */
export function areaFit(a: Cover, b: Cover): HubEvidence['area'] | null {
  if (!meets(a.poss, b.poss)) return null;
  if (a.names.size === b.names.size && subset(a.names, b.names)) return 'same';
  if (!subset(a.def, b.poss) || !subset(b.def, a.poss)) return 'overlap';
  const exact = a.def.size === a.poss.size && b.def.size === b.poss.size;
  return exact ? 'same' : 'likely';
}

/** One list's hubs with their covers, for comparing with another list. */
export interface Side {
  hubs: readonly ListedHub[];
  covers: Cover[];
  shared: Set<string>;
}

export function sideOf(hubs: readonly ListedHub[]): Side {
  const shared = sharedDistricts(hubs);
  return { hubs, covers: hubs.map((h) => coverOf(h, shared)), shared };
}

/** The places of a hub its list does not pin to districts: parts, and districts another hub also names. */
export function vaguePlaces(hub: ListedHub, shared: Set<string>): string[] {
  return hub.places
    .filter((p) => p.part || p.districts.some((d) => shared.has(districtKey(d))))
    .map((p) => p.name);
}
