import { type Db, all, one, upsert, value } from '../gateway.js';

export interface AreaRow {
  la_code: string;
  name: string;
  ons_code_2011: string | null;
  ons_code_2013: string | null;
  la_type: string | null;
  region_code: string | null;
  region_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
  /** The dated list's own columns (absent from the other lists: kept as they were). */
  ons_code?: string | null;
  predecessors?: string | null;
  successors?: string | null;
  districts_2016?: string | null;
}

/** The first day of the areas' frame: an area listed without a start existed on it (and before). */
export const FIRST_AREA_DAY = '2011-04-01';

export type AliasKind = 'alias' | 'district' | 'successor';

/** The key names are matched by: lower case, letters and digits only, '&' read as 'and'. */
export function aliasKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]/g, '');
}

/** Adds or updates an area; a name it had before stays findable as an alias. */
export function upsertArea(db: Db, importId: number, area: AreaRow): boolean {
  if (area.region_code && area.region_name) {
    upsert(db, 'regions', ['code'], { code: area.region_code, name: area.region_name, import_id: importId });
  }
  const before = one<AreaRow>(db, 'SELECT * FROM council_areas WHERE la_code = ?', [area.la_code]);
  const changed = upsert(db, 'council_areas', ['la_code'], {
    la_code: area.la_code,
    name: area.name,
    ons_code_2011: area.ons_code_2011 ?? before?.ons_code_2011 ?? null,
    ons_code_2013: area.ons_code_2013 ?? before?.ons_code_2013 ?? null,
    la_type: area.la_type ?? before?.la_type ?? null,
    region_code: area.region_code ?? before?.region_code ?? null,
    valid_from: area.valid_from ?? before?.valid_from ?? FIRST_AREA_DAY,
    valid_to: area.valid_to ?? before?.valid_to ?? null,
    ons_code: area.ons_code ?? before?.ons_code ?? null,
    predecessors: area.predecessors ?? before?.predecessors ?? null,
    successors: area.successors ?? before?.successors ?? null,
    districts_2016: area.districts_2016 ?? before?.districts_2016 ?? null,
    import_id: importId,
  });
  if (changed && before && aliasKey(before.name) !== aliasKey(area.name)) {
    insertAlias(db, importId, {
      alias: before.name,
      la_code: area.la_code,
      kind: 'alias',
      source: 'earlier name',
    });
  }
  return changed;
}

export function insertAlias(
  db: Db,
  importId: number,
  alias: { alias: string; la_code: string; kind: AliasKind; source: string },
): boolean {
  return upsert(db, 'area_aliases', ['alias_key', 'la_code'], {
    alias_key: aliasKey(alias.alias),
    alias: alias.alias,
    la_code: alias.la_code,
    kind: alias.kind,
    source: alias.source,
    import_id: importId,
  });
}

/**
 * The areas names and codes in files are matched to: those of 2011-2018, in force on the frame's first day. Areas
 * created since (a second 'Dorset', 838) are derived from them, never matched directly (see areasInForce).
 */
export function areaNames(db: Db): { la_code: string; name: string }[] {
  return all(db, 'SELECT la_code, name FROM council_areas WHERE valid_from <= ? ORDER BY la_code', [
    FIRST_AREA_DAY,
  ]);
}

/** Every area's name, of every date, by code. */
export function allAreaNames(db: Db): Map<string, string> {
  const rows = all<{ la_code: string; name: string }>(db, 'SELECT la_code, name FROM council_areas');
  return new Map(rows.map((r) => [r.la_code, r.name]));
}

/** Every area's code, of every date. */
export function allAreaCodes(db: Db): string[] {
  return all<{ la_code: string }>(db, 'SELECT la_code FROM council_areas ORDER BY la_code').map(
    (r) => r.la_code,
  );
}

export function areaAliases(db: Db): { alias: string; la_code: string; kind: AliasKind; source: string }[] {
  return all(db, 'SELECT alias, la_code, kind, source FROM area_aliases ORDER BY alias_key');
}

export function councilAreaCount(db: Db): number {
  return value<number>(db, 'SELECT count(*) FROM council_areas') ?? 0;
}

/** A successor name's 2013 districts; returns whether anything changed. */
export function upsertComposition(
  db: Db,
  importId: number,
  name: string,
  composition: { districts: string[]; part: boolean },
): boolean {
  return upsert(db, 'area_compositions', ['name_key'], {
    name_key: aliasKey(name),
    name,
    districts: JSON.stringify(composition.districts),
    part: composition.part ? 1 : 0,
    import_id: importId,
  });
}

export interface CompositionRow {
  name: string;
  districts: string[];
  part: boolean;
}

export function areaCompositions(db: Db): CompositionRow[] {
  return all<{ name: string; districts: string; part: number }>(
    db,
    'SELECT name, districts, part FROM area_compositions ORDER BY name_key',
  ).map((row) => ({
    name: row.name,
    districts: JSON.parse(row.districts) as string[],
    part: row.part === 1,
  }));
}
