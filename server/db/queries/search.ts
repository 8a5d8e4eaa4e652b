import { all, run, transaction, type Db } from '../gateway.js';
import { dataVersion } from './dataVersion.js';

// The search index is derived data: an FTS5 table in the connection's temp schema, rebuilt when the data version
// changes. Nothing is written to the database file, so it works on read-only connections too.

const built = new WeakMap<Db, string>();

const CREATE = `CREATE VIRTUAL TABLE temp.search_index USING fts5(
  name, also, kind UNINDEXED, key UNINDEXED, network_id UNINDEXED, la_code UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2')`;

// Names are also indexed without apostrophes, so that 'St Marys' finds 'St Mary's' (the tokenizer splits at them).
const bare = (column: string) => `replace(replace(replace(${column}, '''', ''), '\u2019', ''), '\u02bc', '')`;

const FILL = [
  // Council areas, also found by their other names and districts.
  `INSERT INTO temp.search_index (name, also, kind, key, network_id, la_code)
   SELECT a.name, ${bare('a.name')} || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM area_aliases x
       WHERE x.la_code = a.la_code), ''),
     'council-area', a.la_code, NULL, a.la_code FROM council_areas a`,
  `INSERT INTO temp.search_index (name, also, kind, key, network_id, la_code)
   SELECT name, ${bare('name')}, 'group', CAST(id AS TEXT), network_id, NULL FROM groups`,
  // Each member under the name of its latest listing.
  `INSERT INTO temp.search_index (name, also, kind, key, network_id, la_code)
   SELECT sm.name, ${bare('sm.name')}, 'member', m.member_key, m.network_id, sm.la_code
   FROM members m JOIN snapshot_members sm ON sm.member_id = m.id JOIN snapshots s ON s.id = sm.snapshot_id
   WHERE s.as_at = (SELECT max(s2.as_at) FROM snapshot_members x JOIN snapshots s2 ON s2.id = x.snapshot_id
                    WHERE x.member_id = m.id)`,
];

function ensureIndex(db: Db): void {
  const version = dataVersion(db);
  const stamp = `${version.import_id}@${version.finished_at}`;
  if (built.get(db) === stamp) return;
  transaction(db, () => {
    run(db, 'DROP TABLE IF EXISTS temp.search_index');
    run(db, CREATE);
    for (const sql of FILL) run(db, sql);
  });
  built.set(db, stamp);
}

export interface SearchHit {
  kind: 'council-area' | 'member' | 'group';
  key: string;
  name: string;
  network_id: string | null;
  /** The council area: an area's own code, the area a member is in; null for a group or where not known. */
  la_code: string | null;
  la_name: string | null;
}

/** Matches of an FTS5 query (built by the caller from plain words), best first. */
export function searchIndex(
  db: Db,
  match: string,
  filter: { network: string | null; kind: string | null },
  limit: number,
): SearchHit[] {
  ensureIndex(db);
  return all<SearchHit>(
    db,
    `SELECT kind, key, name, network_id, la_code,
       (SELECT a.name FROM council_areas a WHERE a.la_code = search_index.la_code) AS la_name
     FROM temp.search_index
     WHERE search_index MATCH @match
       AND (@kind IS NULL OR kind = @kind)
       AND (@network IS NULL OR network_id IS NULL OR network_id = @network)
     ORDER BY bm25(search_index, 10.0, 1.0), length(name), name LIMIT @limit`,
    { match, ...filter, limit },
  );
}
