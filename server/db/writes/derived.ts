// Writes of the derived tables (migration 003): each is rewritten whole, for what an import changed.
import { type Db, insertMany, run } from '../gateway.js';
import type { SchoolReach } from '../queries/reach.js';
import { FIRST_AREA_DAY } from './council-areas.js';

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
  for (const table of ['list_reach', 'school_reach', 'area_reach', 'area_nearest_outside', 'served_areas']) {
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

/** Each located school's nearest members on a list. */
export function insertSchoolReach(db: Db, snapshotId: number, rows: readonly SchoolReach[]): void {
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

/** Removes the nearest members kept for some schools of an area on a list (all of its schools when urns is null). */
export function deleteSchoolReach(
  db: Db,
  snapshotId: number,
  laCode: string,
  urns: readonly number[] | null,
): void {
  if (urns === null) {
    run(db, 'DELETE FROM school_reach WHERE snapshot_id = ? AND la_code = ?', [snapshotId, laCode]);
    return;
  }
  for (const urn of urns) {
    run(db, 'DELETE FROM school_reach WHERE snapshot_id = ? AND la_code = ? AND urn = ?', [
      snapshotId,
      laCode,
      urn,
    ]);
  }
}

/** Removes the nearest members kept for the schools of a list outside the given areas (and all when none). */
export function deleteSchoolReachOutside(db: Db, snapshotId: number, laCodes: readonly string[]): void {
  run(
    db,
    'DELETE FROM school_reach WHERE snapshot_id = ? AND la_code NOT IN (SELECT value FROM json_each(?))',
    [snapshotId, JSON.stringify(laCodes)],
  );
}

/** Removes a list's figures kept per list and per area (its schools' nearest members stay: they are diffed). */
export function clearAreaReach(db: Db, snapshotId: number): void {
  for (const table of ['list_reach', 'area_reach', 'area_nearest_outside']) {
    run(db, `DELETE FROM ${table} WHERE snapshot_id = ?`, [snapshotId]);
  }
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

/**
 * The search index's areas, groups and members, filled again as they are now (its establishments, kept apart, are
 * filled by rewriteEstablishmentIndex: there are tens of thousands, and a list's import does not change them).
 */
export function rewriteSearchIndex(db: Db): void {
  run(db, "DELETE FROM search_index WHERE kind <> 'establishment'");
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

/**
 * The search index's establishments, by their names in the GIAS register (June 2024): those open then, and those
 * of the establishments extract; in their council area of 2024 where the register names one.
 */
export function rewriteEstablishmentIndex(db: Db): void {
  run(db, "DELETE FROM search_index WHERE kind = 'establishment'");
  run(
    db,
    `INSERT INTO search_index (name, also, kind, key, network_id, la_code)
     SELECT r.name, ${bare('r.name')}, 'establishment', CAST(r.urn AS TEXT), NULL, coalesce(r.la_code, e.la_code)
     FROM register_establishments r LEFT JOIN establishments e ON e.urn = r.urn AND e.in_council_areas = 1
     WHERE (r.is_open = 1 AND r.la_code IS NOT NULL) OR e.urn IS NOT NULL`,
  );
}

export interface EstablishmentAreaRow {
  urn: number;
  la_code: string;
  via: 'whole' | 'register' | 'location';
}

/** Where establishments lie among the areas created since 2018: the whole table replaced. */
export function replaceEstablishmentAreas(db: Db, rows: readonly EstablishmentAreaRow[]): void {
  run(db, 'DELETE FROM establishment_areas');
  insertMany(
    db,
    'establishment_areas',
    ['urn', 'la_code', 'via'],
    rows.map((r) => [r.urn, r.la_code, r.via]),
  );
}

/**
 * area_schools of the areas created since 2018, from where their establishments lie (establishment_areas): the
 * rows of those areas replaced, those of 2011-2018 kept as the establishments import tallied them.
 */
export function addLaterAreaSchools(db: Db): void {
  run(
    db,
    'DELETE FROM area_schools WHERE la_code IN (SELECT la_code FROM council_areas WHERE valid_from > ?)',
    [FIRST_AREA_DAY],
  );
  run(
    db,
    `INSERT INTO area_schools (la_code, phase, schools, pupils, located, lat_sum, lon_sum)
     SELECT ea.la_code, coalesce(e.phase, ''), count(*), coalesce(sum(e.num_pupils), 0), count(e.latitude), total(e.latitude),
       total(CASE WHEN e.latitude IS NOT NULL THEN e.longitude END)
     FROM establishment_areas ea JOIN establishments e ON e.urn = ea.urn
     WHERE e.in_council_areas = 1 GROUP BY ea.la_code, coalesce(e.phase, '')`,
  );
}

/** The areas each member of a list serves, in the areas of every date (precompute/later-areas.ts). */
export function replaceServedAreas(
  db: Db,
  snapshotId: number,
  rows: readonly { member_id: number; la_code: string }[],
): void {
  run(db, 'DELETE FROM served_areas WHERE snapshot_id = ?', [snapshotId]);
  for (const r of rows) {
    run(db, 'INSERT OR IGNORE INTO served_areas (snapshot_id, la_code, member_id) VALUES (?, ?, ?)', [
      snapshotId,
      r.la_code,
      r.member_id,
    ]);
  }
}

/** Tallies the register's open establishments per council area of its date and phase (migration 011). */
export function rewriteRegisterAreaSchools(db: Db): void {
  run(db, 'DELETE FROM register_area_schools');
  run(
    db,
    `INSERT INTO register_area_schools (la_code, phase, schools, located)
     SELECT r.la_code, coalesce(r.phase, ''), count(*), count(e.latitude)
     FROM register_establishments r LEFT JOIN establishments e ON e.urn = r.urn
     WHERE r.is_open = 1 AND r.la_code IS NOT NULL GROUP BY r.la_code, coalesce(r.phase, '')`,
  );
}
