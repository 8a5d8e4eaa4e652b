import type { Db } from '../db/gateway.js';
import { searchIndex, type SearchHit } from '../db/queries/search.js';
import { ParameterError } from './errors.js';

export interface SearchParams {
  q: string;
  network?: string | undefined;
  kind?: SearchHit['kind'] | undefined;
  limit: number;
}

/** Words of the query as FTS5 prefix terms: 'st thom' -> '"st"* "thom"*' (every word must match). */
export function prefixQuery(q: string): string | null {
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** Council areas, members and groups whose names start words with those of q, ignoring case and accents. */
export function search(db: Db, params: SearchParams): { q: string; rows: SearchHit[]; total: number } {
  const match = prefixQuery(params.q);
  if (!match) throw new ParameterError('q', params.q, `'${params.q}' has no letters or digits to search for`);
  const rows = searchIndex(
    db,
    match,
    { network: params.network ?? null, kind: params.kind ?? null },
    params.limit,
  );
  return { q: params.q, rows, total: rows.length };
}
