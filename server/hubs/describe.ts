// The words of a match: why it rests on weak evidence, and who leads an area another hub took over.
import { andList } from '../../common/words.js';
import { districtKey, type Side } from './areas.js';
import { hubNameKey, websiteHost } from './names.js';
import type { HubChange, HubEvidence, ListedHub } from './types.js';

/** Each place of a hub its list does not pin to districts, said with what the list does say. */
function vagueness(hub: ListedHub, side: Side): string[] {
  return hub.places.flatMap((place) => {
    if (place.part) {
      return [
        `'${place.name}' (${hub.key}) is part of ${andList(place.districts)}; the list does not say which`,
      ];
    }
    const keys = new Set(place.districts.map(districtKey).filter((k) => side.shared.has(k)));
    if (keys.size === 0) return [];
    const others = side.hubs
      .filter((o) => o !== hub && o.places.some((p) => p.districts.some((d) => keys.has(districtKey(d)))))
      .map((o) => o.key);
    return [`'${place.name}' (${hub.key}) is also named by ${andList(others)}`];
  });
}

/** Why a pair's match is weak: an area known only in part, or a hub known only by a similar name. */
export function weaknesses(
  pair: { a: ListedHub; b: ListedHub; evidence: HubEvidence },
  sides: { a: Side; b: Side },
): string[] {
  const reasons: string[] = [];
  if (pair.evidence.area === 'likely') {
    const vague = [...vagueness(pair.a, sides.a), ...vagueness(pair.b, sides.b)];
    reasons.push(`area: the same as far as the lists say (${vague.join('; ')})`);
  }
  const e = pair.evidence;
  if (e.name === 'similar' && e.urn !== 'same' && e.website !== 'same') {
    reasons.push(`name: only similar ('${pair.a.name}', '${pair.b.name}'); no URN or website in common`);
  }
  return reasons;
}

const kin = (x: ListedHub, y: ListedHub): string[] => {
  const what: string[] = [];
  if (hubNameKey(x.name) === hubNameKey(y.name)) what.push('name');
  const host = websiteHost(x.website);
  if (host !== null && host === websiteHost(y.website)) what.push('website');
  return what;
};

/**
 * What the lists say of another hub leading an area: its lead school led another hub of the earlier list, or it
 * bears the name or website of a hub that continues another, or of a hub of the earlier list; null: nothing.
 */
export function anotherLeader(
  hub: ListedHub,
  lists: { a: readonly ListedHub[]; b: readonly ListedHub[] },
  continues: Map<string, ListedHub>,
): string | null {
  const unknown = 'which school leads it, the list does not say';
  if (hub.urn !== null) {
    const led = lists.a.filter((h) => h.urn === hub.urn).map((h) => h.key);
    const school = `lead school URN ${hub.urn}${hub.lead_school ? ` (${hub.lead_school})` : ''}`;
    return led.length > 0 ? `${school}, which led ${led.join(', ')} on the earlier list` : null;
  }
  for (const other of lists.b) {
    const earlier = continues.get(other.key);
    const same = other === hub ? [] : kin(hub, other);
    if (earlier && same.length > 0) {
      return `${hub.name}: the same ${same.join(' and ')} as ${other.key}, which continues ${earlier.key} (${earlier.name}); ${unknown}`;
    }
  }
  const named = lists.a.find((h) => kin(hub, h).length > 0);
  if (named)
    return `${hub.name}: the same ${kin(hub, named).join(' and ')} as ${named.key} on the earlier list; ${unknown}`;
  return null;
}

/** Who leads an area another hub took over, as far as the lists say, or that they do not say. */
export function ledBy(
  hub: ListedHub,
  lists: { a: readonly ListedHub[]; b: readonly ListedHub[] },
  continues: Map<string, ListedHub>,
): string {
  const leader = anotherLeader(hub, lists, continues);
  if (leader !== null) return leader;
  if (hub.urn !== null) {
    const school = `lead school URN ${hub.urn}${hub.lead_school ? ` (${hub.lead_school})` : ''}`;
    return `${school}, not a lead school on the earlier list`;
  }
  return `${hub.name}, a hub the earlier list does not name; which school leads it, the list does not say`;
}

const AREA_WORDS: Record<HubEvidence['area'], string> = {
  same: 'the same districts',
  likely: 'the same districts as far as the lists say',
  overlap: 'some districts in common',
  apart: 'no district in common',
};

/** The evidence that decided a pair of hubs, in words a reader can check against the two lists. */
export function decidedBy(
  change: Pick<HubChange, 'class' | 'renamed' | 'organisation_changed' | 'evidence'>,
  a: ListedHub,
  b: ListedHub,
): string {
  const e = change.evidence!;
  const host = websiteHost(b.website);
  if (e.code === 'same') {
    const what = change.organisation_changed
      ? `; name and website both changed ('${a.name}', ${websiteHost(a.website) ?? 'no website'} to '${b.name}', ${host ?? 'no website'}): another organisation runs it`
      : change.renamed
        ? `; renamed, the same website (${host})`
        : '';
    return `code ${b.code} on both lists${what}`;
  }
  const said: string[] = [AREA_WORDS[e.area]];
  if (e.code === 'different') said.push(`different codes (${a.code}, ${b.code})`);
  if (e.urn === 'same') said.push(`lead school URN ${b.urn} on both`);
  if (e.urn === 'different') said.push(`different lead schools (URN ${a.urn}, ${b.urn})`);
  if (e.website === 'same') said.push(`website ${host} on both`);
  if (e.website === 'shared') said.push(`website ${host}, which several hubs of one list share: no evidence`);
  if (e.name === 'same') said.push('the same name');
  if (e.name === 'shared')
    said.push(`the name '${b.name}', which several hubs of one list share: no evidence`);
  if (e.name === 'similar') said.push(`similar names only ('${a.name}', '${b.name}')`);
  if (said.length === 1) said.push('no code, URN, website or name in common');
  const joined = said.join('; ');
  return change.class === 'successor' ? `${joined}: its successor by areas` : joined;
}

/**
 * For a successor by areas: another pair of the same two lists whose earlier hubs had one lead school and whose
 * later hubs bear one name (Barnsley and Doncaster, Selby and Wakefield: both led by URN 137482 in 2021, both
 * 'Exchange Teaching Hub' in October 2023), said as the evidence it is; null when there is none.
 */
export function runTogether(
  pair: { a: ListedHub; b: ListedHub },
  others: readonly { a: ListedHub; b: ListedHub }[],
): string | null {
  const { a, b } = pair;
  const twin = others.find(
    (o) => o.a !== a && a.urn !== null && o.a.urn === a.urn && hubNameKey(o.b.name) === hubNameKey(b.name),
  );
  if (!twin) return null;
  return (
    `${a.key} and ${twin.a.key} had one lead school (URN ${a.urn}) on the earlier list, and ${b.key} and ` +
    `${twin.b.key} both bear the name '${b.name}' on the later: the two areas were run together on both`
  );
}
