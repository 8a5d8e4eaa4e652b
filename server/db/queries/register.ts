import { all, type Db } from '../gateway.js';
import { farSchoolsPage, reachColumns } from './reach.js';

// The GIAS register of a date (June 2024) read as a denominator: its open establishments (Open, or Open but
// proposed to close) per council area of its own date, with what the 2018 extract knows of them by URN (a
// location), and how far each located one is from a list's members (school_reach, worked out from the 2018 points).

/** The register spells 'All-through' where the 2018 extract and the phase parameter say 'All through'. */
const SAME_PHASE = `(@phase IS NULL OR replace(lower(r.phase), '-', ' ') = replace(lower(@phase), '-', ' '))`;

/**
 * Each registered establishment's distances for a list (school_reach), read by its key: school_reach holds an
 * establishment once per area of every date it lies in, and once in its area of the 2018 extract, which is found by
 * URN (a scan grouping school_reach by URN took about 30 ms a read). CROSS JOIN keeps the register first: left to
 * choose, SQLite read every school of the list and looked each up in the register (at radius 0 on a registry ten
 * times the shipped: 190-230 ms for England's counts and 100 ms for one area's page, against 30-40 ms and 5-10 ms).
 */
export const REACH_OF_REGISTERED = `register_establishments r
     CROSS JOIN establishments e ON e.urn = r.urn AND e.in_council_areas = 1
     CROSS JOIN school_reach s ON s.snapshot_id = @snapshot AND s.la_code = e.la_code AND s.urn = r.urn`;

export interface RegisterAreaCount {
  /** The council area in force on the register's date its council area name means. */
  la_code: string;
  schools: number;
  /** Of them, those with a location in the 2018 extract (by URN). */
  located: number;
}

/**
 * Open establishments of the register (of a phase) per council area of its date, as tallied at import
 * (register_area_schools); those of no area are left out.
 */
export function registerOpenByArea(db: Db, phase: string | null): RegisterAreaCount[] {
  return all<RegisterAreaCount>(
    db,
    `SELECT r.la_code, sum(r.schools) AS schools, sum(r.located) AS located FROM register_area_schools r
     WHERE ${SAME_PHASE} GROUP BY r.la_code ORDER BY r.la_code`,
    { phase },
  );
}

/** The register's open establishments (of a phase) of some council areas of its date, by name. */
export function registerOpenNamed(
  db: Db,
  codes: string[],
  phase: string | null,
): { urn: number; name: string; phase: string | null; la_code: string }[] {
  return all(
    db,
    `SELECT r.urn, r.name, r.phase, r.la_code FROM register_establishments r
     WHERE r.is_open = 1 AND r.la_code IN (SELECT value FROM json_each(@codes)) AND ${SAME_PHASE}
     ORDER BY r.la_code, r.name, r.urn`,
    { codes: JSON.stringify(codes), phase },
  );
}

/**
 * Per council area of the register's date: its open establishments (of a phase) with a 2018 location farther than
 * km from every located member of a list (of the phase, when one is asked for).
 */
export function registerBeyondByArea(
  db: Db,
  snapshot: number,
  phase: string | null,
  km: number,
): { la_code: string; beyond: number }[] {
  return all(
    db,
    `SELECT r.la_code, count(*) AS beyond
     FROM ${REACH_OF_REGISTERED}
     WHERE r.is_open = 1 AND r.la_code IS NOT NULL AND ${SAME_PHASE}
       AND (CASE WHEN @phase IS NULL THEN s.km ELSE s.phase_km END) > @km
     GROUP BY r.la_code ORDER BY r.la_code`,
    { snapshot, phase, km },
  );
}

/** Open establishments of the register per council area of its date and phase (null for none), as tallied. */
export function registerOpenByAreaPhase(
  db: Db,
): { la_code: string; phase: string | null; schools: number }[] {
  return all(
    db,
    `SELECT la_code, nullif(phase, '') AS phase, schools FROM register_area_schools ORDER BY la_code, phase`,
  );
}

/**
 * A page of the register's open establishments (of a phase) in some of its council areas with a 2018 location
 * farther than km from every member of a list (of the phase), farthest first: as schoolsFartherThan, with the
 * establishment's council area that of the register's date.
 */
export function registerFartherThan(
  db: Db,
  scope: { snapshot: number; phase: string | null; km: number; areas: string[] },
  limit: number,
  offset: number,
) {
  const [km, member] = reachColumns(scope.phase);
  const where = `r.is_open = 1 AND r.la_code IN (SELECT value FROM json_each(@areas)) AND ${SAME_PHASE}
     AND s.${km} > @km`;
  const params = { ...scope, areas: JSON.stringify(scope.areas) };
  return farSchoolsPage(
    db,
    { from: REACH_OF_REGISTERED, where, km: `s.${km}`, member: `s.${member}` },
    params,
    limit,
    offset,
  );
}
