import type { CachedBody } from './responseCache.js';

export type Cell = string | number | boolean | null | undefined;
export type CsvRow = Record<string, Cell>;

/** A table to send as CSV: its columns in order, its rows, and the download's base name. */
export interface Table {
  name: string;
  columns: readonly string[];
  rows: readonly CsvRow[];
  /** The heading a column gets in the file when it is not the field's name (say what a figure counts). */
  headings?: Readonly<Record<string, string>>;
}

// A spreadsheet runs a text cell starting with one of these as a formula (CSV injection): prefix a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as RFC 4180 text, with text that a spreadsheet would take for a formula neutralised. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: a header line, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
export function toCsv(
  columns: readonly string[],
  rows: readonly CsvRow[],
  headings: Readonly<Record<string, string>> = {},
): string {
  const lines = [columns.map((column) => csvCell(headings[column] ?? column)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name safe in a Content-Disposition header. */
export function csvFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'data'}.csv`;
}

/** A table as a CSV download: body, type and file name. */
export function csvResponse(table: Table): CachedBody {
  return {
    contentType: 'text/csv; charset=utf-8',
    body: toCsv(table.columns, table.rows, table.headings),
    headers: { 'Content-Disposition': `attachment; filename="${csvFileName(table.name)}"` },
  };
}
