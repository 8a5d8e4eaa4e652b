import { all, type Db } from '../gateway.js';

// The search index (an FTS5 table) is kept by every import that changes names: see precompute/refresh.ts.

export interface SearchHit {
  kind: 'council-area' | 'member' | 'group' | 'establishment';
  key: string;
  name: string;
  network_id: string | null;
  /** The council area: an area's own code, the area a member is in; null for a group or where not known. */
  la_code: string | null;
  la_name: string | null;
}

/**
 * Matches of an FTS5 query (built by the caller from plain words), best first; establishments after the areas,
 * members and groups (there are thousands: 'Birmingham' names dozens).
 */
export function searchIndex(
  db: Db,
  match: string,
  filter: { network: string | null; kind: string | null; day?: string | null },
  limit: number,
): SearchHit[] {
  return all<SearchHit>(
    db,
    `SELECT kind, key, name, network_id, la_code,
       (SELECT a.name FROM council_areas a WHERE a.la_code = search_index.la_code) AS la_name
     FROM search_index
     WHERE search_index MATCH @match
       AND (@kind IS NULL OR kind = @kind)
       AND (@network IS NULL OR network_id IS NULL OR network_id = @network)
       AND (@day IS NULL OR kind <> 'council-area' OR EXISTS (SELECT 1 FROM council_areas a
         WHERE a.la_code = search_index.key AND a.valid_from <= @day AND (a.valid_to IS NULL OR a.valid_to >= @day)))
     ORDER BY kind = 'establishment', bm25(search_index, 10.0, 1.0), length(name), name LIMIT @limit`,
    { match, ...filter, day: filter.day ?? null, limit },
  );
}
