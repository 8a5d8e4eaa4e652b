import type { Db } from '../db/gateway.js';
import { areaDay } from '../db/queries/areas.js';
import { searchIndex, type SearchHit } from '../db/queries/search.js';
import { ParameterError } from './errors.js';

export interface SearchParams {
  q: string;
  network?: string | undefined;
  kind?: SearchHit['kind'] | undefined;
  limit: number;
  /** Only the council areas in force on this date; absent: those of every date. */
  as_at?: string | undefined;
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

/** Council areas, members and groups whose names start words with those of q, ignoring case and accents. */
export function search(db: Db, params: SearchParams): { q: string; rows: SearchHit[]; total: number } {
  const match = prefixQuery(params.q);
  if (!match) throw new ParameterError('q', params.q, `'${params.q}' has no letters or digits to search for`);
  const rows = searchIndex(
    db,
    match,
    {
      network: params.network ?? null,
      kind: params.kind ?? null,
      day: params.as_at ? areaDay(params.as_at) : null,
    },
    params.limit,
  );
  return { q: params.q, rows, total: rows.length };
}
