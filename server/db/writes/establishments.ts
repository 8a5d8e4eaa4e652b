import { all, type Db, insertPacked, run, value } from '../gateway.js';

export interface EstablishmentRow {
  urn: number;
  la_code: string | null;
  la_name: string | null;
  in_council_areas: boolean;
  establishment_number: string | null;
  ons_code_2013: string | null;
  region: string | null;
  phase: string | null;
  num_pupils: number | null;
  ofsted_rating: string | null;
  last_ofsted_date: string | null;
  easting: number | null;
  northing: number | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * An establishments file is the full list as at its date: it replaces the whole table. Its indexes are dropped
 * with the rows and made again, by the function returned, once the new rows are in: one sort of 400,000
 * rows costs less than as many index updates. Returns what restores them (all inside the import's transaction).
 */
export function clearEstablishments(db: Db): () => void {
  const indexes = all<{ name: string; sql: string }>(
    db,
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'establishments' AND sql IS NOT NULL",
  );
  for (const index of indexes) run(db, `DROP INDEX "${index.name}"`);
  run(db, 'DELETE FROM establishments');
  return () => {
    for (const index of indexes) run(db, index.sql);
  };
}

/** An establishment's fields in the order rows are packed and written (import_id follows them). */
export const ESTABLISHMENT_FIELDS = [
  'urn',
  'la_code',
  'la_name',
  'in_council_areas',
  'establishment_number',
  'ons_code_2013',
  'region',
  'phase',
  'num_pupils',
  'ofsted_rating',
  'last_ofsted_date',
  'easting',
  'northing',
  'latitude',
  'longitude',
] as const satisfies readonly (keyof EstablishmentRow)[];

/** Each field's position in a row of ESTABLISHMENT_FIELDS. */
export const ESTABLISHMENT_FIELD_AT = Object.fromEntries(
  ESTABLISHMENT_FIELDS.map((field, index) => [field, index]),
) as Record<(typeof ESTABLISHMENT_FIELDS)[number], number>;

const COLUMNS = [...ESTABLISHMENT_FIELDS, 'import_id'];

/**
 * Writes establishments given as values end to end, ESTABLISHMENT_FIELDS.length a row in that order (as they
 * cross from the validating thread). in_council_areas may be a boolean: it is stored as 1 or 0, in place.
 */
export function insertEstablishmentValues(db: Db, importId: number, values: unknown[]): void {
  for (
    let at = ESTABLISHMENT_FIELD_AT.in_council_areas;
    at < values.length;
    at += ESTABLISHMENT_FIELDS.length
  ) {
    values[at] = values[at] ? 1 : 0;
  }
  insertPacked(db, 'establishments', COLUMNS, values, [importId]);
}

export function insertEstablishment(db: Db, importId: number, e: EstablishmentRow): void {
  insertEstablishmentValues(
    db,
    importId,
    ESTABLISHMENT_FIELDS.map((field) => e[field]),
  );
}

/** The as-at date of the establishments held now, or null when there are none. */
export function establishmentsAsAt(db: Db): string | null {
  return (
    value<string>(
      db,
      `SELECT i.as_at FROM imports i WHERE i.id = (SELECT import_id FROM establishments LIMIT 1)`,
    ) ?? null
  );
}

/** A register of a date replaces the one held: the rows are deleted before the new ones are written. */
export function clearRegister(db: Db): void {
  run(db, 'DELETE FROM register_establishments');
}

export function insertRegisterEstablishment(
  db: Db,
  importId: number,
  e: {
    urn: number;
    name: string;
    la_name: string | null;
    la_code: string | null;
    phase: string | null;
    status: string;
    is_open: boolean;
  },
): void {
  run(
    db,
    `INSERT INTO register_establishments (urn, name, la_name, la_code, phase, status, is_open, import_id)
     VALUES (@urn, @name, @la_name, @la_code, @phase, @status, @is_open, @import_id)`,
    { ...e, is_open: e.is_open ? 1 : 0, import_id: importId },
  );
}
