import { all, type Db, each, eachRaw } from '../gateway.js';
import type { EstablishmentRow } from '../writes/establishments.js';
import { areaDay } from './areas.js';

// Establishments are those open at the latest establishments import, in the 152 council areas; the counts per
// area and phase are kept in area_schools by every establishments import.

export interface AreaSchools {
  la_code: string;
  schools: number;
  pupils: number;
  with_coordinates: number;
}

/** Establishments and their pupils per council area, optionally of one phase. */
export function schoolsByArea(db: Db, phase: string | null): AreaSchools[] {
  return all<AreaSchools>(
    db,
    `SELECT la_code, sum(schools) AS schools, sum(pupils) AS pupils, sum(located) AS with_coordinates
     FROM area_schools WHERE @phase IS NULL OR phase = @phase GROUP BY la_code`,
    { phase },
  );
}

export interface SchoolPoint {
  urn: number;
  la_code: string;
  /** '' when GIAS gives none. */
  phase: string;
  latitude: number;
  longitude: number;
}

/**
 * Every establishment, one at a time, in no order, as the values a school's point is made of (urn, la_code,
 * in_council_areas, phase, latitude, longitude): 400,000 are visited, not held. SchoolPoints keeps the located.
 */
export function eachEstablishmentPoint(
  db: Db,
  visit: (
    urn: number,
    laCode: string | null,
    inCouncilAreas: number,
    phase: string | null,
    latitude: number | null,
    longitude: number | null,
  ) => void,
): void {
  eachRaw(
    db,
    'SELECT urn, la_code, in_council_areas, phase, latitude, longitude FROM establishments',
    [],
    (v) =>
      visit(
        v[0] as number,
        v[1] as string | null,
        v[2] as number,
        v[3] as string | null,
        v[4] as number | null,
        v[5] as number | null,
      ),
  );
}

/**
 * The located establishments of the council areas again in each later area they are placed in
 * (establishment_areas), as (urn, la_code, phase, latitude, longitude): a read about a day keeps the areas in
 * force on it.
 */
export function eachLaterAreaPoint(
  db: Db,
  visit: (urn: number, laCode: string, phase: string, latitude: number, longitude: number) => void,
): void {
  eachRaw(
    db,
    `SELECT e.urn, ea.la_code, coalesce(e.phase, ''), e.latitude, e.longitude
     FROM establishment_areas ea JOIN establishments e ON e.urn = ea.urn
     WHERE e.in_council_areas = 1 AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL`,
    [],
    (v) => visit(v[0] as number, v[1] as string, v[2] as string, v[3] as number, v[4] as number),
  );
}

export interface AreaCentre {
  la_code: string;
  lat: number;
  lon: number;
}

/** The mean position of each area's located establishments (its centre of schools). */
export function areaCentres(db: Db): AreaCentre[] {
  return all<AreaCentre>(
    db,
    `SELECT la_code, sum(lat_sum) / sum(located) AS lat, sum(lon_sum) / sum(located) AS lon
     FROM area_schools GROUP BY la_code HAVING sum(located) > 0 ORDER BY la_code`,
  );
}

export interface PhaseCount {
  phase: string | null;
  schools: number;
  pupils: number;
}

/** One area's establishments by phase. */
export function areaSchoolPhases(db: Db, laCode: string): PhaseCount[] {
  return all<PhaseCount>(
    db,
    `SELECT nullif(phase, '') AS phase, schools, pupils FROM area_schools
     WHERE la_code = ? ORDER BY schools DESC, nullif(phase, '')`,
    [laCode],
  );
}

/**
 * The names the registry knows for some establishments: as the GIAS register (June 2024) names them, else, for one
 * not in it, its latest listing's name as a member of a network (the 2018 extract carries no names). Only the URNs
 * asked for: reading every name (the register's 50,000 and every listing's) took 15-30 ms of a page's answer.
 */
export function knownSchoolNames(db: Db, urns: number[]): Map<number, string> {
  const names = new Map(
    all<{ urn: number; name: string }>(
      db,
      'SELECT urn, name FROM register_establishments WHERE urn IN (SELECT value FROM json_each(@urns))',
      { urns: JSON.stringify(urns) },
    ).map((r) => [r.urn, r.name]),
  );
  const rest = urns.filter((urn) => !names.has(urn));
  if (rest.length === 0) return names;
  // Latest listing last, so that its name is the one kept.
  for (const r of all<{ urn: number; name: string }>(
    db,
    `SELECT m.urn, sm.name FROM members m
     JOIN snapshot_members sm ON sm.member_id = m.id JOIN snapshots s ON s.id = sm.snapshot_id
     WHERE m.urn IN (SELECT value FROM json_each(@urns)) ORDER BY s.as_at`,
    { urns: JSON.stringify(rest) },
  )) {
    names.set(r.urn, r.name);
  }
  return names;
}

/** Each registered establishment's council area of the register's date, where its name means one. */
export function registerAreaCodes(db: Db): Map<number, string> {
  const rows = all<{ urn: number; la_code: string }>(
    db,
    'SELECT urn, la_code FROM register_establishments WHERE la_code IS NOT NULL',
  );
  return new Map(rows.map((r) => [r.urn, r.la_code]));
}

export type TalliedFields = Pick<
  EstablishmentRow,
  'la_code' | 'in_council_areas' | 'phase' | 'num_pupils' | 'latitude' | 'longitude'
>;

/** Every establishment held, with what the per-area tallies count. */
export function eachEstablishment(db: Db, visit: (row: TalliedFields) => void): void {
  each<Omit<TalliedFields, 'in_council_areas'> & { in_council_areas: number }>(
    db,
    'SELECT la_code, in_council_areas, phase, num_pupils, latitude, longitude FROM establishments',
    [],
    (row) => visit({ ...row, in_council_areas: row.in_council_areas === 1 }),
  );
}

export interface LocatedEstablishment {
  urn: number;
  la_code: string;
  latitude: number | null;
  longitude: number | null;
}

/** The establishments of some council areas (of 2011-2018), with their locations where known. */
export function establishmentsOfAreas(db: Db, codes: string[]): LocatedEstablishment[] {
  return all<LocatedEstablishment>(
    db,
    `SELECT urn, la_code, latitude, longitude FROM establishments
     WHERE in_council_areas = 1 AND la_code IN (SELECT value FROM json_each(?)) ORDER BY urn`,
    [JSON.stringify(codes)],
  );
}

/** Where some establishments lie among the areas created since 2018 (establishment_areas). */
export function establishmentAreaRows(
  db: Db,
  urns: number[],
): { urn: number; la_code: string; via: string }[] {
  return all(
    db,
    'SELECT urn, la_code, via FROM establishment_areas WHERE urn IN (SELECT value FROM json_each(?)) ORDER BY urn',
    [JSON.stringify(urns)],
  );
}

/** An establishments extract held: its file and date (the establishments table, or the register). */
export interface ExtractRow {
  file_name: string;
  as_at: string;
}

/** The extract the establishments table holds (with locations and pupils), and the register of names held. */
export function extractsHeld(db: Db): { establishments: ExtractRow | null; register: ExtractRow | null } {
  const of = (table: string) =>
    all<ExtractRow>(
      db,
      `SELECT i.file_name, i.as_at FROM imports i WHERE i.id = (SELECT import_id FROM ${table} LIMIT 1)`,
    )[0] ?? null;
  return { establishments: of('establishments'), register: of('register_establishments') };
}

/**
 * Establishments of the extract in areas not in force on a day that no area of the day holds: in an area replaced
 * since, and placed in none of the areas that replaced it (by the register or the boundaries).
 */
export function establishmentsNotPlaced(db: Db, day: string): number {
  // The areas not in force as a list the scan tests each row against (SQLite puts a Bloom filter before it), not a
  // join per row: 41 ms rather than 146 ms on a registry ten times the shipped, most of a summary's first answer.
  return (
    all<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM establishments e
       WHERE e.la_code IN (SELECT la_code FROM council_areas
                           WHERE NOT (valid_from <= @day AND (valid_to IS NULL OR valid_to >= @day)))
         AND e.in_council_areas = 1
         AND NOT EXISTS (SELECT 1 FROM establishment_areas p JOIN council_areas b ON b.la_code = p.la_code
           WHERE p.urn = e.urn AND b.valid_from <= @day AND (b.valid_to IS NULL OR b.valid_to >= @day))`,
      { day: areaDay(day) },
    )[0]?.n ?? 0
  );
}

/** Establishments open on the register's date (Open, or Open but proposed to close) in some areas, by their name there. */
export function registerOpenIn(db: Db, codes: string[]): { open: number; without_area: number } {
  // The open ones from the tally made at import (register_area_schools): counting the register's rows took 9-13 ms
  // of a summary's first answer.
  return all<{ open: number; without_area: number }>(
    db,
    `SELECT (SELECT coalesce(sum(schools), 0) FROM register_area_schools
         WHERE la_code IN (SELECT value FROM json_each(@codes))) AS open,
       (SELECT count(*) FROM register_establishments
         WHERE is_open = 1 AND la_code IS NULL AND la_name LIKE 'Pre-LGR%') AS without_area`,
    { codes: JSON.stringify(codes) },
  )[0]!;
}

export interface NamedEstablishment {
  urn: number;
  /** As the register of June 2024 names it, else as a member list does; null: neither holds it. */
  name: string | null;
  phase: string | null;
  /** The council area it is listed under: its area of 2011-2018, or a later area it is placed in. */
  la_code: string;
  /** Its council area of 2011-2018 (the extract's). */
  area_of_2018: string;
}

/**
 * The establishments of some council areas, of any date: those of an area of 2011-2018 by their own area, those of
 * a later area by where they are placed (establishment_areas); optionally of one phase. By area, then name.
 */
export function namedEstablishmentsOf(db: Db, codes: string[], phase: string | null): NamedEstablishment[] {
  return all<NamedEstablishment>(
    db,
    `WITH listed (urn, la_code) AS (
       SELECT urn, la_code FROM establishments
       WHERE in_council_areas = 1 AND la_code IN (SELECT value FROM json_each(@codes))
       UNION ALL
       SELECT urn, la_code FROM establishment_areas WHERE la_code IN (SELECT value FROM json_each(@codes)))
     SELECT l.urn, coalesce(r.name, (SELECT sm.name FROM members m JOIN snapshot_members sm ON sm.member_id = m.id
         JOIN snapshots s ON s.id = sm.snapshot_id WHERE m.urn = l.urn ORDER BY s.as_at DESC LIMIT 1)) AS name,
       e.phase, l.la_code, e.la_code AS area_of_2018
     FROM listed l JOIN establishments e ON e.urn = l.urn LEFT JOIN register_establishments r ON r.urn = l.urn
     WHERE e.in_council_areas = 1 AND (@phase IS NULL OR e.phase = @phase)
     ORDER BY l.la_code, name IS NULL, name, l.urn`,
    { codes: JSON.stringify(codes), phase },
  );
}
