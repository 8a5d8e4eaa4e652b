import type { CsvRow } from './csv.js';

/** A list answer: one page of rows with the total, limit and offset, after the list's own fields. */
export function paged<T extends { rows: readonly unknown[] }>(result: T, limit: number, offset: number) {
  return {
    ...result,
    rows: result.rows.slice(offset, offset + limit),
    total: result.rows.length,
    limit,
    offset,
  };
}

/** Rows as CSV rows: lists joined with ';', nested objects left out unless a column flattens them. */
export function flat(row: object): CsvRow {
  const out: CsvRow = {};
  for (const [key, value] of Object.entries(row) as [string, unknown][]) {
    if (Array.isArray(value)) out[key] = value.map(String).join(';');
    else if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      out[key] = value as CsvRow[string];
  }
  return out;
}

/** The name of a CSV download from the parts of a request. */
export function fileName(...parts: (string | number | undefined | null)[]): string {
  return parts.filter((p) => p !== undefined && p !== null && p !== '').join('-');
}

/**
 * CSV headings for the figures whose field names say "schools" but count establishments (see the definitions at
 * /api/v1/sources): a spreadsheet's reader sees what is counted; the JSON keeps its field names.
 */
export const ESTABLISHMENT_HEADINGS: Readonly<Record<string, string>> = {
  schools: 'establishments',
  schools_total: 'establishments_total',
  schools_with_coordinates: 'establishments_located',
  schools_beyond_km: 'establishments_beyond_km',
  members_per_100_schools: 'members_per_100_establishments',
  pupils: 'pupils_in_establishments',
  pupils_in_member_schools: 'pupils_in_member_schools_lower_bound',
};

/**
 * A CSV column naming the extract its establishments are counted from, on every row ('GIAS register of 17 June
 * 2024'): a download read on its own still says what it counts and as of when.
 */
export const EXTRACT_COLUMN = 'establishments_extract';

export function withExtract(rows: readonly CsvRow[], extract: { name: string } | null): CsvRow[] {
  return rows.map((row) => ({ ...row, [EXTRACT_COLUMN]: extract?.name ?? null }));
}
