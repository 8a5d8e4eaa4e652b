// Which hub of one list is which hub of another. From December 2023 a hub is its code (`EE2`): two lists that
// both give codes pair their hubs by code, whoever runs them. Before codes (2021's are another scheme), a hub is
// the hub of an area: hubs are paired by the districts they serve first, then the evidence of continuity is
// weighed (lead school's URN, website, name; one several hubs of a list share is none). Names and URNs are not
// keys on their own: in October 2023 one name serves two hubs; in 2021 one school led two hubs.
// Pure: two lists in, every area classified out.
import { areaFit, districtKey, sideOf, type Side } from './areas.js';
import { anotherLeader, decidedBy, ledBy, runTogether, weaknesses } from './describe.js';
import { evidenceFor, identity, sharedOf, strength, type Shared } from './evidence.js';
import { hubNameKey } from './names.js';
import { HUB_CLASSES, type HubChange, type HubEvidence, type HubMatch, type ListedHub } from './types.js';

interface Candidate {
  i: number;
  j: number;
  evidence: HubEvidence;
  /** Stepping through the lists between: the same hub on each of them, and why. */
  chain?: ChainLink;
}

/** A hub of a later list that the lists between carry back to a hub of an earlier one, step by step. */
export interface ChainLink {
  from: string;
  organisation_changed: boolean;
  /** Some step matched by areas alone (a successor): so is the whole chain. */
  by_areas: boolean;
  decided_by: string;
}

/**
 * Two lists compared through the lists between them: which later hub is which earlier hub (later key -> link).
 * Only these are the same hub: a pair the steps do not carry through is another hub, whatever its names say.
 */
export type Through = Map<string, ChainLink>;

interface Sides {
  a: Side;
  b: Side;
  shared: { a: Shared; b: Shared };
}

function candidates(s: Sides, keep: (c: Candidate) => boolean): Candidate[] {
  const found: Candidate[] = [];
  s.a.hubs.forEach((hubA, i) =>
    s.b.hubs.forEach((hubB, j) => {
      const area = areaFit(s.a.covers[i]!, s.b.covers[j]!);
      if (area === null) return;
      const candidate = { i, j, evidence: evidenceFor(hubA, hubB, area, s.shared) };
      if (keep(candidate)) found.push(candidate);
    }),
  );
  return found;
}

/** Hubs of one code on both lists: one hub, wherever its areas went. */
function codePairs(s: Sides): Candidate[] {
  return s.b.hubs.flatMap((hubB, j) => {
    const i = hubB.code ? s.a.hubs.findIndex((hubA) => hubA.code === hubB.code) : -1;
    if (i < 0) return [];
    const area = areaFit(s.a.covers[i]!, s.b.covers[j]!) ?? 'apart';
    return [{ i, j, evidence: evidenceFor(s.a.hubs[i]!, hubB, area, s.shared) }];
  });
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

/** The same area and nothing for or against one hub: the later hub succeeds by areas (the rule before codes). */
const isSuccessor = (c: Candidate): boolean =>
  identity(c.evidence) === 'none' && (c.evidence.area === 'same' || c.evidence.area === 'likely');

type Details = 'renamed' | 'organisation_changed' | 'evidence' | 'led_by' | 'weak' | 'moved' | 'same_hub';
const empty = (): Pick<HubChange, Details> => ({
  renamed: false,
  organisation_changed: false,
  evidence: null,
  led_by: null,
  weak: [],
  moved: [],
  same_hub: [],
});

function pairChange(
  c: Candidate,
  sides: Sides,
  continues: Map<string, ListedHub>,
  stepped: boolean,
): HubChange {
  const a = sides.a.hubs[c.i]!;
  const b = sides.b.hubs[c.j]!;
  const lists = { a: sides.a.hubs, b: sides.b.hubs };
  // Nothing for one hub, and nothing on the lists says another leads it: the area's hub succeeds by areas.
  const successor = c.chain
    ? c.chain.by_areas
    : !stepped && isSuccessor(c) && anotherLeader(b, lists, continues) === null;
  const same = !successor && (c.chain !== undefined || (!stepped && isSameHub(c)));
  // 'TS Hub' for 'Teaching School Hub' is the same name written differently, not a rename.
  const nameChanged = same && hubNameKey(a.name) !== hubNameKey(b.name);
  // Under one code, a new name and a new website say another organisation runs the hub.
  const organisation =
    c.chain?.organisation_changed ??
    (nameChanged && c.evidence.code === 'same' && c.evidence.website !== 'same');
  const change = {
    ...empty(),
    class: same ? ('continuing' as const) : successor ? ('successor' as const) : ('another-hub' as const),
    renamed: nameChanged && !organisation,
    organisation_changed: organisation,
    from: [a.key],
    to: [b.key],
    evidence: c.evidence,
    led_by: same || successor ? null : ledBy(b, lists, continues),
    // A code names the hub, and a chain of steps each weighed on its own: parts of areas cannot weaken that.
    weak: c.evidence.code === 'same' || c.chain ? [] : weaknesses({ a, b, evidence: c.evidence }, sides),
    // A successor by areas is the area's hub on both lists (no leaver, no joiner), never a confirmed one.
    same_hub:
      same || successor
        ? [
            {
              from: a.key,
              to: b.key,
              confirmed: !successor && (c.chain !== undefined || identity(c.evidence) === 'confirmed'),
            },
          ]
        : [],
  };
  const decided_by = c.chain
    ? c.chain.decided_by
    : decidedBy(change, a, b) + (stepped ? '; no chain of the lists between carries one to the other' : '');
  return { ...change, decided_by };
}

/** Groups of unpaired hubs whose areas meet: each group is one change (new, ended or redrawn). */
function groups(s: Sides, paired: { a: Set<number>; b: Set<number> }) {
  const { a, b } = s;
  const edges = candidates(s, (c) => !paired.a.has(c.i) && !paired.b.has(c.j));
  // Each hub's neighbours, in the order of the edges: a walk over every edge for each hub it reached was the
  // square of a list (2 of the 5.6 s a made-up list of 20,000 hubs in one district took to preview).
  const next = { a: new Map<number, number[]>(), b: new Map<number, number[]>() };
  const link = (from: Map<number, number[]>, n: number, m: number) => {
    const list = from.get(n);
    if (list) list.push(m);
    else from.set(n, [m]);
  };
  for (const e of edges) {
    link(next.a, e.i, e.j);
    link(next.b, e.j, e.i);
  }
  const result: { as: number[]; bs: number[] }[] = [];
  const seenA = new Set<number>();
  const seenB = new Set<number>();
  const visit = (group: { as: number[]; bs: number[] }, side: 'a' | 'b', n: number): void => {
    const seen = side === 'a' ? seenA : seenB;
    if (seen.has(n)) return;
    seen.add(n);
    (side === 'a' ? group.as : group.bs).push(n);
    for (const m of next[side].get(n) ?? []) visit(group, side === 'a' ? 'b' : 'a', m);
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

function groupChange(group: { as: number[]; bs: number[] }, s: Sides, stepped: boolean): HubChange {
  const { a, b } = s;
  const from = group.as.map((i) => a.hubs[i]!.key);
  const to = group.bs.map((j) => b.hubs[j]!.key);
  if (to.length === 0) {
    const decided_by = 'no hub of the later list serves any of its districts';
    return { ...empty(), class: 'ended', from, to, decided_by };
  }
  if (from.length === 0) {
    const decided_by = 'no hub of the earlier list served any of its districts';
    return { ...empty(), class: 'new', from, to, decided_by };
  }
  const members = { a: new Set(group.as), b: new Set(group.bs) };
  const inGroup = (c: Candidate): boolean =>
    !stepped && members.a.has(c.i) && members.b.has(c.j) && isSameHub(c);
  const links = pairGreedily(candidates(s, inGroup));
  const moved = movedDistricts(group, a, b, links);
  return {
    ...empty(),
    class: 'redrawn',
    decided_by: `districts moved between hubs: ${moved.map((m) => m.district).join(', ')}`,
    from,
    to,
    weak: links.flatMap((l) =>
      weaknesses({ a: a.hubs[l.i]!, b: b.hubs[l.j]!, evidence: l.evidence }, { a, b }),
    ),
    moved,
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
  counts.organisation_changed = 0;
  counts.weak = 0;
  for (const change of changes) {
    counts[change.class] += 1;
    if (change.renamed) counts.renamed += 1;
    if (change.organisation_changed) counts.organisation_changed += 1;
    if (change.weak.length > 0) counts.weak += 1;
  }
  return counts;
}

/** The pairs the lists between say are one hub. */
function chainPairs(s: Sides, through: Through): Candidate[] {
  return s.b.hubs.flatMap((hubB, j) => {
    const chain = through.get(hubB.key);
    const i = chain ? s.a.hubs.findIndex((hubA) => hubA.key === chain.from) : -1;
    if (i < 0) return [];
    const area = areaFit(s.a.covers[i]!, s.b.covers[j]!) ?? 'apart';
    return [{ i, j, evidence: evidenceFor(s.a.hubs[i]!, hubB, area, s.shared), chain }];
  });
}

/** Each key's first place on a list, as findIndex finds it. */
function firstIndex(list: readonly ListedHub[]): Map<string, number> {
  const at = new Map<string, number>();
  list.forEach((hub, n) => {
    if (!at.has(hub.key)) at.set(hub.key, n);
  });
  return at;
}

/**
 * Every area of two lists of hubs, classified: continuing, another-hub, new, ended or redrawn. Given `through`
 * (the lists between, stepped), only the hubs it carries from one list to the other are the same hub.
 */
export function matchHubs(
  earlier: readonly ListedHub[],
  later: readonly ListedHub[],
  through?: Through,
): HubMatch {
  const a = sideOf(earlier);
  const b = sideOf(later);
  const s: Sides = { a, b, shared: { a: sharedOf(earlier), b: sharedOf(later) } };
  const stepped = through !== undefined;
  const byCode = stepped ? chainPairs(s, through) : codePairs(s);
  const coded = { a: new Set(byCode.map((c) => c.i)), b: new Set(byCode.map((c) => c.j)) };
  const open = (c: Candidate): boolean =>
    !coded.a.has(c.i) && !coded.b.has(c.j) && c.evidence.area !== 'overlap';
  const pairs = [...byCode, ...pairGreedily(candidates(s, open))];
  const same = (c: Candidate): boolean => (stepped ? c.chain !== undefined : isSameHub(c));
  const continues = new Map(pairs.filter(same).map((c) => [b.hubs[c.j]!.key, a.hubs[c.i]!]));
  const paired = { a: new Set(pairs.map((c) => c.i)), b: new Set(pairs.map((c) => c.j)) };
  // Where each key first stands on its list, looked up once: findIndex in the sort's comparator was O(n) per
  // comparison, 7 of the 15 s a hostile list of 20,000 hubs took to preview (holding the import lock).
  const at = { a: firstIndex(earlier), b: firstIndex(later) };
  const order = (change: HubChange): number => {
    const j = change.to.length > 0 ? (at.b.get(change.to[0]!) ?? -1) : later.length;
    return j * earlier.length + (change.from.length > 0 ? (at.a.get(change.from[0]!) ?? -1) : 0);
  };
  const pairOf = (c: Candidate) => ({ a: a.hubs[c.i]!, b: b.hubs[c.j]! });
  const successors = stepped ? [] : pairs.filter(isSuccessor).map(pairOf);
  const withTwin = (c: Candidate, change: HubChange): HubChange => {
    const together = change.class === 'successor' && !c.chain ? runTogether(pairOf(c), successors) : null;
    return together ? { ...change, decided_by: `${change.decided_by}; ${together}` } : change;
  };
  const changes = [
    ...pairs.map((c) => withTwin(c, pairChange(c, s, continues, stepped))),
    ...groups(s, paired).map((g) => groupChange(g, s, stepped)),
  ].sort((x, y) => order(x) - order(y));
  return { changes, counts: countsOf(changes) };
}
