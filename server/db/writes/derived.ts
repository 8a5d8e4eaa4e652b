// Writes of the derived tables (migration 003): each is rewritten whole, for what an import changed.
import { type Db, insertMany, run } from '../gateway.js';

export interface AreaSchoolsRow {
  la_code: string;
  /** '' when GIAS gives none. */
  phase: string;
  schools: number;
  pupils: number;
  located: number;
  lat_sum: number;
  lon_sum: number;
}

const AREA_SCHOOLS_COLUMNS = [
  'la_code',
  'phase',
  'schools',
  'pupils',
  'located',
  'lat_sum',
  'lon_sum',
] as const;

/** Establishments per area and phase: the whole table replaced (see precompute/area-schools.ts). */
export function replaceAreaSchools(db: Db, rows: readonly AreaSchoolsRow[]): void {
  run(db, 'DELETE FROM area_schools');
  insertMany(
    db,
    'area_schools',
    AREA_SCHOOLS_COLUMNS,
    rows.map((row) => AREA_SCHOOLS_COLUMNS.map((column) => row[column])),
  );
}

/** Removes every figure derived from a list (before it is deleted, or worked out again). */
export function clearListReach(db: Db, snapshotId: number): void {
  for (const table of ['list_reach', 'school_reach', 'area_reach', 'area_nearest_outside']) {
    run(db, `DELETE FROM ${table} WHERE snapshot_id = ?`, [snapshotId]);
  }
}

export function insertListReach(db: Db, snapshotId: number, phase: string, locatedMembers: number): void {
  run(db, 'INSERT INTO list_reach (snapshot_id, phase, located_members) VALUES (?, ?, ?)', [
    snapshotId,
    phase,
    locatedMembers,
  ]);
}

export interface SchoolReachRow {
  urn: number;
  la_code: string;
  phase: string;
  member_id: number;
  km: number;
  phase_member_id: number | null;
  phase_km: number | null;
}

/** Each located school's nearest members on a list. */
export function insertSchoolReach(db: Db, snapshotId: number, rows: readonly SchoolReachRow[]): void {
  insertMany(
    db,
    'school_reach',
    ['snapshot_id', 'urn', 'la_code', 'phase', 'member_id', 'km', 'phase_member_id', 'phase_km'],
    rows.map((r) => [
      snapshotId,
      r.urn,
      r.la_code,
      r.phase,
      r.member_id,
      r.km,
      r.phase_member_id,
      r.phase_km,
    ]),
  );
}

export interface AreaReachRow {
  phase: string;
  la_code: string;
  step: number;
  beyond: number;
}

/** The step functions of schools beyond each radius, per phase and area, of a list. */
export function insertAreaReach(db: Db, snapshotId: number, rows: readonly AreaReachRow[]): void {
  insertMany(
    db,
    'area_reach',
    ['snapshot_id', 'phase', 'la_code', 'step', 'beyond'],
    rows.map((r) => [snapshotId, r.phase, r.la_code, r.step, r.beyond]),
  );
}

export interface NearestOutsideRow {
  rank: number;
  member_id: number;
  km: number;
  from_urn: number;
}

export function insertNearestOutside(
  db: Db,
  snapshotId: number,
  phase: string,
  laCode: string,
  r: NearestOutsideRow,
): void {
  run(
    db,
    `INSERT INTO area_nearest_outside (snapshot_id, phase, la_code, rank, member_id, km, from_urn)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [snapshotId, phase, laCode, r.rank, r.member_id, r.km, r.from_urn],
  );
}

/** The areas that share a boundary, replacing what was there. */
export function rewriteAdjacency(db: Db, pairs: readonly [string, string][]): void {
  run(db, 'DELETE FROM area_adjacency');
  for (const [a, b] of pairs) {
    run(db, 'INSERT OR IGNORE INTO area_adjacency (la_code, neighbour) VALUES (?, ?)', [a, b]);
  }
}

// Names are also indexed without apostrophes, so that 'St Marys' finds 'St Mary's' (the tokenizer splits at them).
const bare = (column: string) => `replace(replace(replace(${column}, '''', ''), '\u2019', ''), '\u02bc', '')`;

/** The search index, filled again from the areas, groups and members as they are now. */
export function rewriteSearchIndex(db: Db): void {
  run(db, 'DELETE FROM search_index');
  // Council areas, also found by their other names and districts.
  run(
    db,
    `INSERT INTO search_index (name, also, kind, key, network_id, la_code)
     SELECT a.name, ${bare('a.name')} || ' ' || coalesce((SELECT group_concat(alias, ' ') FROM area_aliases x
         WHERE x.la_code = a.la_code), ''),
       'council-area', a.la_code, NULL, a.la_code FROM council_areas a`,
  );
  run(
    db,
    `INSERT INTO search_index (name, also, kind, key, network_id, la_code)
     SELECT name, ${bare('name')}, 'group', CAST(id AS TEXT), network_id, NULL FROM groups`,
  );
  // Each member under the name of its latest listing.
  run(
    db,
    `INSERT INTO search_index (name, also, kind, key, network_id, la_code)
     SELECT name, ${bare('name')}, 'member', member_key, network_id, la_code FROM (
       SELECT sm.name, sm.la_code, m.member_key, m.network_id,
         row_number() OVER (PARTITION BY m.id ORDER BY s.as_at DESC) AS latest
       FROM members m JOIN snapshot_members sm ON sm.member_id = m.id JOIN snapshots s ON s.id = sm.snapshot_id)
     WHERE latest = 1`,
  );
}
