// The one CSV writer, run by the server (the API's format=csv) and by the dashboard (its table downloads), so
// both quote, neutralise and end lines alike.

export type Cell = string | number | boolean | null | undefined;

/** Spreadsheets read UTF-8 (accented names) only when the file starts with a byte order mark. */
export const BOM = '\ufeff';

// A spreadsheet runs a text cell starting with one of these as a formula (CSV injection): prefix a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as RFC 4180 text, with text that a spreadsheet would take for a formula neutralised. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: a header line, then one line per row, CRLF line ends. */
export function csvText(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
