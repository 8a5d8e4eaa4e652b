import { all, one, type Db } from '../gateway.js';
import { FIRST_AREA_DAY } from '../writes/council-areas.js';

export interface CouncilAreaRow {
  la_code: string;
  name: string;
  la_type: string | null;
  ons_code_2011: string | null;
  ons_code_2013: string | null;
  region_code: string | null;
  region: string | null;
}

const AREA_COLUMNS = `a.la_code, a.name, a.la_type, a.ons_code_2011, a.ons_code_2013, a.region_code, r.name AS region
  FROM council_areas a LEFT JOIN regions r ON r.code = a.region_code`;

// An area is in force on a day when its days (valid_from to valid_to, both included) hold it. Before the frame's
// first day (1 April 2011) the areas of that day answer: the registry knows no earlier ones.
const IN_FORCE = 'a.valid_from <= @day AND (a.valid_to IS NULL OR a.valid_to >= @day)';

/** The day whose areas answer a date: the date itself, or the frame's first day for a date before it. */
export function areaDay(date: string): string {
  return date < FIRST_AREA_DAY ? FIRST_AREA_DAY : date;
}

/**
 * The council areas in force on a date, by code; optionally those of one region. 152 to 31 March 2019, 151 from
 * 1 April 2019, 152 from 1 April 2021, 153 from 1 April 2023 (on the shipped data).
 */
export function areasInForce(db: Db, date: string, regionCode: string | null = null): CouncilAreaRow[] {
  return all<CouncilAreaRow>(
    db,
    `SELECT ${AREA_COLUMNS} WHERE ${IN_FORCE} AND (@region IS NULL OR a.region_code = @region) ORDER BY a.la_code`,
    { day: areaDay(date), region: regionCode },
  );
}

/** The council areas of 2011-2018, the frame files are matched to (areas in force on 1 April 2011); or one region's. */
export function councilAreaRows(db: Db, regionCode: string | null = null): CouncilAreaRow[] {
  return areasInForce(db, FIRST_AREA_DAY, regionCode);
}

/** What an area's days were, and which areas it replaced and was replaced by (codes and names). */
export interface AreaLifetime {
  /** null: it existed before 2011 (when the registry's areas begin). */
  valid_from: string | null;
  /** null: it exists today. */
  valid_to: string | null;
  predecessors: { la_code: string; name: string }[];
  successors: { la_code: string; name: string }[];
}

export function areaLifetime(db: Db, laCode: string): AreaLifetime | undefined {
  const row = one<{
    valid_from: string;
    valid_to: string | null;
    predecessors: string | null;
    successors: string | null;
  }>(db, 'SELECT valid_from, valid_to, predecessors, successors FROM council_areas WHERE la_code = ?', [
    laCode,
  ]);
  if (!row) return undefined;
  const named = (codes: string | null) => {
    const list = codes?.split(' ').filter(Boolean) ?? [];
    if (list.length === 0) return [];
    return all<{ la_code: string; name: string }>(
      db,
      'SELECT la_code, name FROM council_areas WHERE la_code IN (SELECT value FROM json_each(?)) ORDER BY la_code',
      [JSON.stringify(list)],
    );
  };
  return {
    valid_from: row.valid_from <= FIRST_AREA_DAY ? null : row.valid_from,
    valid_to: row.valid_to,
    predecessors: named(row.predecessors),
    successors: named(row.successors),
  };
}

/** Every area with its days and the codes it replaced and was replaced by (for deriving the later areas). */
export interface AreaSpan {
  la_code: string;
  valid_from: string;
  valid_to: string | null;
  predecessors: string[];
  successors: string[];
  districts_2016: string[];
}

export function areaSpans(db: Db): AreaSpan[] {
  return all<{
    la_code: string;
    valid_from: string;
    valid_to: string | null;
    predecessors: string | null;
    successors: string | null;
    districts_2016: string | null;
  }>(
    db,
    'SELECT la_code, valid_from, valid_to, predecessors, successors, districts_2016 FROM council_areas ORDER BY la_code',
  ).map((r) => ({
    ...r,
    predecessors: r.predecessors?.split(' ').filter(Boolean) ?? [],
    successors: r.successors?.split(' ').filter(Boolean) ?? [],
    districts_2016: r.districts_2016?.split(' ').filter(Boolean) ?? [],
  }));
}

/** One council area by its DfE code or either ONS code. */
export function councilAreaRow(db: Db, code: string): CouncilAreaRow | undefined {
  return one<CouncilAreaRow>(
    db,
    `SELECT ${AREA_COLUMNS} WHERE a.la_code = @code OR a.ons_code_2013 = @code OR a.ons_code_2011 = @code
     ORDER BY a.la_code = @code DESC LIMIT 1`,
    { code },
  );
}

export interface RegionRow {
  code: string;
  name: string;
}

export function regionRows(db: Db): RegionRow[] {
  return all<RegionRow>(db, 'SELECT code, name FROM regions ORDER BY name');
}

/** The distinct phases establishments and members are listed with. */
export function phaseNames(db: Db): string[] {
  return all<{ phase: string }>(
    db,
    `SELECT phase FROM area_schools WHERE phase <> ''
     UNION SELECT phase FROM snapshot_members WHERE phase IS NOT NULL ORDER BY 1`,
  ).map((row) => row.phase);
}

/** How many council areas were in force on a date. */
export function councilAreaCount(db: Db, date: string = FIRST_AREA_DAY): number {
  return areasInForce(db, date).length;
}
