import { isoDay } from '../../common/dates.js';
import type { Db } from '../db/gateway.js';
import { areaDay, areasInForce } from '../db/queries/areas.js';
import type { Search } from '../contract/registry.js';
import { searchIndex, type SearchHit } from '../db/queries/search.js';
import { ParameterError } from './errors.js';
import { nearNames } from './near-names.js';

export interface SearchParams {
  q: string;
  network?: string | undefined;
  kind?: SearchHit['kind'] | undefined;
  limit: number;
  /** Only the council areas in force on this date; absent: those in force `today`. */
  as_at?: string | undefined;
  /** Today (YYYY-MM-DD): the day whose areas are found when no date is asked (an ended area only with its date);
   * default: the clock's (the route passes the API's today). */
  today?: string | undefined;
}

// "St" and "Saint" are one word in school and place names: either finds both.
const SAINT: Record<string, string> = { st: '"st"* OR "saint"', saint: '"saint"* OR "st"' };

/**
 * Words of the query as FTS5 prefix terms: 'st thom' -> '("st"* OR "saint") AND "thom"*' (every word must match).
 * Apostrophes join a word ('Mary's' is 'marys', as the index also holds names without them); other punctuation
 * separates words.
 */
export function prefixQuery(q: string): string | null {
  const words = q
    .normalize('NFKC')
    .replace(/['\u2019\u02bc]/g, '')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words.map((w) => (SAINT[w.toLowerCase()] ? `(${SAINT[w.toLowerCase()]})` : `"${w}"*`)).join(' AND ');
}

/**
 * A place first (Hull the council area before the alliance named after it), establishments last, then the
 * index's own order.
 */
const rank = (hit: SearchHit): number =>
  hit.kind === 'council-area' ? 0 : hit.kind === 'establishment' ? 2 : 1;
const placesFirst = (a: SearchHit, b: SearchHit): number => rank(a) - rank(b);

/**
 * Each name once per kind and network: a hub on two lists (its key changed between them) is one result; a member
 * school is found as the member, not again as the establishment of the same name.
 */
function once(rows: SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  const members = new Set(rows.filter((r) => r.kind === 'member').map((r) => r.name.toLowerCase()));
  return rows.filter((r) => {
    if (r.kind === 'establishment' && members.has(r.name.toLowerCase())) return false;
    // A council area is its code: two areas share the name Dorset (835 to 2019, 838 after).
    const name = r.kind === 'council-area' ? r.key : r.name.toLowerCase();
    const key = `${r.kind}\u0000${r.network_id ?? ''}\u0000${name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Council areas whose names are near the words (a misspelling): for a query nothing matched. */
function nearPlaces(db: Db, q: string, day: string, limit: number): SearchHit[] {
  const areas = areasInForce(db, day).map((a) => ({
    kind: 'council-area' as const,
    key: a.la_code,
    name: a.name,
    network_id: null,
    la_code: a.la_code,
    la_name: a.name,
  }));
  return nearNames(q, areas, limit);
}

/**
 * Council areas, members and groups whose names start words with those of q, ignoring case and accents, places
 * first and each once; when nothing does, the council areas whose names are nearest q (`near`: a misspelling).
 */
export function search(db: Db, params: SearchParams): Search {
  const match = prefixQuery(params.q);
  if (!match) throw new ParameterError('q', params.q, `'${params.q}' has no letters or digits to search for`);
  const day = areaDay(params.as_at ?? params.today ?? isoDay(Date.now()));
  const found = searchIndex(
    db,
    match,
    {
      network: params.network ?? null,
      kind: params.kind ?? null,
      day,
    },
    // More than asked for: the same name twice counts once.
    params.limit * 2,
  );
  const rows = once(found).sort(placesFirst).slice(0, params.limit);
  if (rows.length > 0 || (params.kind && params.kind !== 'council-area'))
    return { q: params.q, rows, total: rows.length, near: false };
  const near = nearPlaces(db, params.q, day, Math.min(params.limit, 5));
  return { q: params.q, rows: near, total: near.length, near: near.length > 0 };
}
