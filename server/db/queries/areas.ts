import { all, one, value, type Db } from '../gateway.js';

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

/** The council areas, by code; optionally those of one region. */
export function councilAreaRows(db: Db, regionCode: string | null = null): CouncilAreaRow[] {
  return all<CouncilAreaRow>(
    db,
    `SELECT ${AREA_COLUMNS} WHERE @region IS NULL OR a.region_code = @region ORDER BY a.la_code`,
    { region: regionCode },
  );
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

export function councilAreaCount(db: Db): number {
  return value<number>(db, 'SELECT count(*) FROM council_areas') ?? 0;
}
