import { csvCell, csvText, type Cell } from '../../common/csv.js';
import type { Answer } from './answer.js';

export type { Cell };
export { csvCell };
export type CsvRow = Record<string, Cell>;

/** A table to send as CSV: its columns in order, its rows, and the download's base name. */
export interface Table {
  name: string;
  columns: readonly string[];
  rows: readonly CsvRow[];
  /** The heading a column gets when its field name would not say what it counts (schools -> establishments). */
  headings?: Readonly<Record<string, string>>;
}

/**
 * The API's CSV: the columns are the JSON answer's field names, but where a name would mislead a reader (schools
 * counts establishments) the heading says what it counts (no BOM: it is read by programs too).
 */
export function toCsv(
  columns: readonly string[],
  rows: readonly CsvRow[],
  headings: Readonly<Record<string, string>> = {},
): string {
  return csvText(
    columns.map((column) => headings[column] ?? column),
    rows.map((row) => columns.map((column) => row[column])),
  );
}

/** A file name safe in a Content-Disposition header. */
export function csvFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'data'}.csv`;
}

/** A table as a CSV download: body, type and file name. */
export function csvResponse(table: Table): Answer {
  return {
    contentType: 'text/csv; charset=utf-8',
    body: toCsv(table.columns, table.rows, table.headings),
    headers: { 'Content-Disposition': `attachment; filename="${csvFileName(table.name)}"` },
  };
}
