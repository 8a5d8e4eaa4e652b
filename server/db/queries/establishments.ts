import { all, type Db } from '../gateway.js';

export interface AreaSchools {
  la_code: string;
  schools: number;
  pupils: number;
  with_coordinates: number;
}

// Establishments are those open at the latest establishments import, in the 152 council areas.
const IN_AREAS = `in_council_areas = 1 AND la_code IS NOT NULL AND (@phase IS NULL OR phase = @phase)`;

/** Establishments and their pupils per council area, optionally of one phase. */
export function schoolsByArea(db: Db, phase: string | null): AreaSchools[] {
  return all<AreaSchools>(
    db,
    `SELECT la_code, count(*) AS schools, coalesce(sum(num_pupils), 0) AS pupils, count(latitude) AS with_coordinates
     FROM establishments WHERE ${IN_AREAS} GROUP BY la_code`,
    { phase },
  );
}

export interface SchoolPoint {
  urn: number;
  la_code: string;
  phase: string | null;
  latitude: number;
  longitude: number;
}

/** Establishments in the council areas that have coordinates. */
export function schoolPoints(db: Db, phase: string | null): SchoolPoint[] {
  return all<SchoolPoint>(
    db,
    `SELECT urn, la_code, phase, latitude, longitude FROM establishments
     WHERE ${IN_AREAS} AND latitude IS NOT NULL AND longitude IS NOT NULL`,
    { phase },
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
    `SELECT phase, count(*) AS schools, coalesce(sum(num_pupils), 0) AS pupils FROM establishments
     WHERE in_council_areas = 1 AND la_code = ? GROUP BY phase ORDER BY schools DESC, phase`,
    [laCode],
  );
}

/**
 * The names the registry knows for establishments: GIAS here carries none, so a school is named only when it has
 * been listed as a member of a network (its latest listing's name).
 */
export function knownSchoolNames(db: Db): Map<number, string> {
  const rows = all<{ urn: number; name: string }>(
    db,
    `SELECT m.urn, sm.name FROM members m
     JOIN snapshot_members sm ON sm.member_id = m.id JOIN snapshots s ON s.id = sm.snapshot_id
     WHERE m.urn IS NOT NULL ORDER BY s.as_at`,
  );
  return new Map(rows.map((r) => [r.urn, r.name]));
}
