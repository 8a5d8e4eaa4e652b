// The evidence of continuity between two hubs whose areas match: the code (from December 2023), the lead
// school's URN, the website, the name.
import { hubNameKey, namesSimilar, websiteHost } from './names.js';
import type { HubEvidence, ListedHub, Verdict } from './types.js';

const verdict = <T>(x: T | null, y: T | null): Verdict =>
  x === null || y === null ? 'not listed' : x === y ? 'same' : 'different';

/** Websites and names that several hubs of one list share: on their own they tell none of those hubs apart. */
export interface Shared {
  websites: Set<string>;
  names: Set<string>;
}

const repeated = (values: (string | null)[]): Set<string> => {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) if (v !== null) (seen.has(v) ? twice : seen).add(v);
  return twice;
};

export function sharedOf(hubs: readonly ListedHub[]): Shared {
  return {
    websites: repeated(hubs.map((h) => websiteHost(h.website))),
    names: repeated(hubs.map((h) => hubNameKey(h.name))),
  };
}

const NOTHING_SHARED: Shared = { websites: new Set(), names: new Set() };

/**
 * What two hubs' entries say of each other. A website or name that several hubs of either list bear is no
 * evidence of identity ('shared'), unless the two serve the very same places: then the area picks out which of
 * the namesakes it is (one organisation running two hubs under one name, October 2023).
 */
export function evidenceFor(
  a: ListedHub,
  b: ListedHub,
  area: HubEvidence['area'],
  shared: { a: Shared; b: Shared } = { a: NOTHING_SHARED, b: NOTHING_SHARED },
): HubEvidence {
  const vague = (kind: keyof Shared, value: string | null): boolean =>
    area !== 'same' && value !== null && (shared.a[kind].has(value) || shared.b[kind].has(value));
  const host = websiteHost(a.website);
  const website = verdict(host, websiteHost(b.website));
  const nameKey = hubNameKey(a.name);
  const sameName = nameKey === hubNameKey(b.name);
  const name = sameName ? 'same' : namesSimilar(a.name, b.name) ? 'similar' : 'different';
  return {
    area,
    code: verdict(a.code ?? null, b.code ?? null),
    urn: verdict(a.urn, b.urn),
    website: website === 'same' && vague('websites', host) ? 'shared' : website,
    name: name === 'same' && vague('names', nameKey) ? 'shared' : name,
  };
}

/**
 * Whether the evidence says one hub: confirmed (the same code, URN, website or name), weak (a similar name only),
 * none, or contrary (the lists give different codes or lead schools).
 */
export function identity(e: HubEvidence): 'confirmed' | 'weak' | 'none' | 'contrary' {
  if (e.code === 'same') return 'confirmed';
  if (e.code === 'different' || e.urn === 'different') return 'contrary';
  if (e.urn === 'same' || e.website === 'same' || e.name === 'same') return 'confirmed';
  return e.name === 'similar' ? 'weak' : 'none';
}

/** How strongly the evidence ties two hubs, to pair the strongest first. */
export function strength(e: HubEvidence): number {
  const code = e.code === 'same' ? 16 : e.code === 'different' ? -16 : 0;
  const urn = e.urn === 'same' ? 8 : e.urn === 'different' ? -8 : 0;
  return code + urn + (e.website === 'same' ? 4 : 0) + (e.name === 'same' ? 2 : e.name === 'similar' ? 1 : 0);
}
