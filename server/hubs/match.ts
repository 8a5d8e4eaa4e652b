// Which hub of one list is which hub of another. A hub is the hub of an area: hubs are paired by the districts
// they serve first, then the evidence of continuity is weighed (lead school's URN, website, name). Codes, names
// and URNs are not keys on their own: in 2025 one name serves two areas; in 2021 one school led two hubs.
// Pure: two lists in, every area classified out.
import { areaFit, districtKey, sideOf, type Side } from './areas.js';
import { ledBy, weaknesses } from './describe.js';
import { evidenceFor, identity, strength } from './evidence.js';
import { displayKey } from './names.js';
import { HUB_CLASSES, type HubChange, type HubEvidence, type HubMatch, type ListedHub } from './types.js';

interface Candidate {
  i: number;
  j: number;
  evidence: HubEvidence;
}

function candidates(a: Side, b: Side, keep: (c: Candidate) => boolean): Candidate[] {
  const found: Candidate[] = [];
  a.hubs.forEach((hubA, i) =>
    b.hubs.forEach((hubB, j) => {
      const area = areaFit(a.covers[i]!, b.covers[j]!);
      if (area === null) return;
      const candidate = { i, j, evidence: evidenceFor(hubA, hubB, area) };
      if (keep(candidate)) found.push(candidate);
    }),
  );
  return found;
}

/** One-to-one pairs, the strongest evidence first (then exact areas, then list order), until none is left. */
function pairGreedily(list: Candidate[]): Candidate[] {
  const ranked = [...list].sort(
    (x, y) =>
      strength(y.evidence) - strength(x.evidence) ||
      Number(y.evidence.area === 'same') - Number(x.evidence.area === 'same') ||
      x.j - y.j ||
      x.i - y.i,
  );
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  return ranked.filter((c) => {
    if (usedA.has(c.i) || usedB.has(c.j)) return false;
    usedA.add(c.i);
    usedB.add(c.j);
    return true;
  });
}

const isSameHub = (c: Candidate): boolean => ['confirmed', 'weak'].includes(identity(c.evidence));

const empty = (): Pick<HubChange, 'renamed' | 'evidence' | 'led_by' | 'weak' | 'moved' | 'same_hub'> => ({
  renamed: false,
  evidence: null,
  led_by: null,
  weak: [],
  moved: [],
  same_hub: [],
});

function pairChange(c: Candidate, sides: { a: Side; b: Side }, continues: Map<string, ListedHub>): HubChange {
  const a = sides.a.hubs[c.i]!;
  const b = sides.b.hubs[c.j]!;
  const same = isSameHub(c);
  return {
    ...empty(),
    class: same ? 'continuing' : 'another-hub',
    renamed: same && displayKey(a.name) !== displayKey(b.name),
    from: [a.key],
    to: [b.key],
    evidence: c.evidence,
    led_by: same ? null : ledBy(b, { a: sides.a.hubs, b: sides.b.hubs }, continues),
    weak: weaknesses({ a, b, evidence: c.evidence }, sides),
    same_hub: same ? [{ from: a.key, to: b.key, confirmed: identity(c.evidence) === 'confirmed' }] : [],
  };
}

/** Groups of unpaired hubs whose areas meet: each group is one change (new, ended or redrawn). */
function groups(a: Side, b: Side, paired: { a: Set<number>; b: Set<number> }) {
  const edges = candidates(a, b, (c) => !paired.a.has(c.i) && !paired.b.has(c.j));
  const result: { as: number[]; bs: number[] }[] = [];
  const seenA = new Set<number>();
  const seenB = new Set<number>();
  const visit = (group: { as: number[]; bs: number[] }, side: 'a' | 'b', n: number): void => {
    const seen = side === 'a' ? seenA : seenB;
    if (seen.has(n)) return;
    seen.add(n);
    (side === 'a' ? group.as : group.bs).push(n);
    for (const e of edges) {
      if (side === 'a' && e.i === n) visit(group, 'b', e.j);
      if (side === 'b' && e.j === n) visit(group, 'a', e.i);
    }
  };
  b.hubs.forEach((_, j) => {
    if (paired.b.has(j) || seenB.has(j)) return;
    const group = { as: [], bs: [] };
    visit(group, 'b', j);
    result.push(group);
  });
  a.hubs.forEach((_, i) => {
    if (!paired.a.has(i) && !seenA.has(i)) result.push({ as: [i], bs: [] });
  });
  return result;
}

/** Every district of a redrawn group whose hub changed: no hub serving it before is the same hub after. */
function movedDistricts(group: { as: number[]; bs: number[] }, a: Side, b: Side, links: Candidate[]) {
  const names = new Map<string, string>();
  for (const hub of [...group.as.map((i) => a.hubs[i]!), ...group.bs.map((j) => b.hubs[j]!)]) {
    for (const d of hub.places.flatMap((p) => p.districts))
      names.set(districtKey(d), names.get(districtKey(d)) ?? d);
  }
  const serving = (side: Side, key: string): number[] =>
    side.covers.flatMap((cover, n) => (cover.poss.has(key) ? [n] : []));
  return [...names].flatMap(([key, district]) => {
    const from = serving(a, key);
    const to = serving(b, key);
    const kept = links.some((l) => from.includes(l.i) && to.includes(l.j));
    if (kept) return [];
    return [{ district, from: from.map((i) => a.hubs[i]!.key), to: to.map((j) => b.hubs[j]!.key) }];
  });
}

function groupChange(group: { as: number[]; bs: number[] }, a: Side, b: Side): HubChange {
  const from = group.as.map((i) => a.hubs[i]!.key);
  const to = group.bs.map((j) => b.hubs[j]!.key);
  if (to.length === 0) return { ...empty(), class: 'ended', from, to };
  if (from.length === 0) return { ...empty(), class: 'new', from, to };
  const inGroup = (c: Candidate): boolean => group.as.includes(c.i) && group.bs.includes(c.j) && isSameHub(c);
  const links = pairGreedily(candidates(a, b, inGroup));
  return {
    ...empty(),
    class: 'redrawn',
    from,
    to,
    weak: links.flatMap((l) =>
      weaknesses({ a: a.hubs[l.i]!, b: b.hubs[l.j]!, evidence: l.evidence }, { a, b }),
    ),
    moved: movedDistricts(group, a, b, links),
    same_hub: links.map((l) => ({
      from: a.hubs[l.i]!.key,
      to: b.hubs[l.j]!.key,
      confirmed: identity(l.evidence) === 'confirmed',
    })),
  };
}

function countsOf(changes: HubChange[]): HubMatch['counts'] {
  const counts = Object.fromEntries(HUB_CLASSES.map((c) => [c, 0])) as HubMatch['counts'];
  counts.renamed = 0;
  counts.weak = 0;
  for (const change of changes) {
    counts[change.class] += 1;
    if (change.renamed) counts.renamed += 1;
    if (change.weak.length > 0) counts.weak += 1;
  }
  return counts;
}

/** Every area of two lists of hubs, classified: continuing, another-hub, new, ended or redrawn. */
export function matchHubs(earlier: readonly ListedHub[], later: readonly ListedHub[]): HubMatch {
  const a = sideOf(earlier);
  const b = sideOf(later);
  const pairs = pairGreedily(candidates(a, b, (c) => c.evidence.area !== 'overlap'));
  const continues = new Map(pairs.filter(isSameHub).map((c) => [b.hubs[c.j]!.key, a.hubs[c.i]!]));
  const paired = { a: new Set(pairs.map((c) => c.i)), b: new Set(pairs.map((c) => c.j)) };
  const order = (change: HubChange): number => {
    const j = change.to.length > 0 ? later.findIndex((h) => h.key === change.to[0]) : later.length;
    return (
      j * earlier.length + (change.from.length > 0 ? earlier.findIndex((h) => h.key === change.from[0]) : 0)
    );
  };
  const changes = [
    ...pairs.map((c) => pairChange(c, { a, b }, continues)),
    ...groups(a, b, paired).map((g) => groupChange(g, a, b)),
  ].sort((x, y) => order(x) - order(y));
  return { changes, counts: countsOf(changes) };
}
