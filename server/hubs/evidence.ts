// The evidence of continuity between two hubs whose areas match: the lead school's URN, the website, the name.
import { hubNameKey, namesSimilar, websiteHost } from './names.js';
import type { HubEvidence, ListedHub, Verdict } from './types.js';

const verdict = <T>(x: T | null, y: T | null): Verdict =>
  x === null || y === null ? 'not listed' : x === y ? 'same' : 'different';

export function evidenceFor(a: ListedHub, b: ListedHub, area: HubEvidence['area']): HubEvidence {
  const sameName = hubNameKey(a.name) === hubNameKey(b.name);
  return {
    area,
    urn: verdict(a.urn, b.urn),
    website: verdict(websiteHost(a.website), websiteHost(b.website)),
    name: sameName ? 'same' : namesSimilar(a.name, b.name) ? 'similar' : 'different',
  };
}

/**
 * Whether the evidence says one hub: confirmed (the same URN, website or name), weak (a similar name only),
 * none, or contrary (the lists name different lead schools).
 */
export function identity(e: HubEvidence): 'confirmed' | 'weak' | 'none' | 'contrary' {
  if (e.urn === 'different') return 'contrary';
  if (e.urn === 'same' || e.website === 'same' || e.name === 'same') return 'confirmed';
  return e.name === 'similar' ? 'weak' : 'none';
}

/** How strongly the evidence ties two hubs, to pair the strongest first. */
export function strength(e: HubEvidence): number {
  const urn = e.urn === 'same' ? 8 : e.urn === 'different' ? -8 : 0;
  return urn + (e.website === 'same' ? 4 : 0) + (e.name === 'same' ? 2 : e.name === 'similar' ? 1 : 0);
}
