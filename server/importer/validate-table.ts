import {
  ColumnMap,
  type CsvFormat,
  type FieldError,
  Row,
  type ValidateContext,
  describeMissingColumns,
  pickFormat,
} from './format.js';
import { FirstSeen } from './first-seen.js';
import { type Decoded, type TableInfo, ReadError, readTable } from './read.js';

export interface TableValidation {
  info: TableInfo;
  format: string;
  ignored_columns: string[];
  rows_read: number;
  rows_valid: number;
  /** The first `keepErrors` errors found (validateTable). */
  errors: FieldError[];
  /** Every error found, kept or not. */
  error_count: number;
  /** The latest date the rows carry (list or designation dates), for full lists given no as-at date. */
  latest_date: string | null;
}

/**
 * Reads and validates every row of a delimited file against the first of `formats` its header fits. Valid
 * records are handed to onRecords batch by batch, until the first error: after that rows are still checked,
 * so the report names every bad value, but nothing more is handed on. Only the first `keepErrors` errors are
 * kept, the rest counted: an upload of 25 MB with three bad values on each of its 12.5 million lines made 37
 * million error objects, 9.7 GB, and the thread ran out of memory (a 500).
 */
export function validateTable<R>(
  bytes: Uint8Array | Decoded,
  formats: CsvFormat<R>[],
  context: ValidateContext,
  onRecords: (records: R[], progress: { rows: number; fraction: number }) => void,
  keepErrors = Infinity,
): TableValidation {
  let format: CsvFormat<R> | null = null;
  let columns: ColumnMap | null = null;
  const seen = new FirstSeen();
  const errors: FieldError[] = [];
  let errorCount = 0;
  const note = (error: FieldError) => {
    errorCount++;
    if (errors.length < keepErrors) errors.push(error);
  };
  let rowsRead = 0;
  let rowsValid = 0;
  let latest: string | null = null;
  let width = 0;

  const info = readTable(
    bytes,
    (batch) => {
      const records: R[] = [];
      for (let i = 0; i < batch.rows.length; i++) {
        const cells = batch.rows[i]!;
        const row = new Row(batch.lines[i]!, cells, columns!);
        rowsRead++;
        // More cells than headers means a value held an unquoted delimiter: every later value has shifted.
        const extra = cells.length > width ? cells.slice(width).filter((cell) => cell.trim() !== '') : [];
        if (extra.length > 0) {
          note({
            row: row.line,
            column: '',
            value: extra.join(', '),
            message: `has ${cells.length} cells but the header has ${width}: is a delimiter unquoted?`,
          });
          continue;
        }
        const result = format!.validate(row, context);
        if (!result.ok) {
          for (const error of result.errors) note(error);
          continue;
        }
        const key = format!.key?.(result.record);
        if (key !== undefined) {
          const first = seen.get(key);
          if (first !== undefined) {
            note({
              row: row.line,
              column: '',
              value: String(key),
              message: `duplicate of line ${first}`,
            });
            continue;
          }
          seen.set(key, row.line);
        }
        const date = format!.date?.(result.record) ?? null;
        // Only a full date can say which day a list describes; 'May 2014' cannot.
        if (date !== null && date.length === 10 && (latest === null || date > latest)) latest = date;
        rowsValid++;
        if (errorCount === 0) records.push(result.record);
      }
      if (errorCount === 0) onRecords(records, { rows: rowsRead, fraction: batch.progress });
    },
    (headers) => {
      format = pickFormat(headers, formats);
      if (format === null) throw new ReadError(describeMissingColumns(headers, formats[0]!));
      columns = new ColumnMap(headers, format.columns);
      // Which of two columns would count is a guess: the file must say it once.
      if (columns.collisions.length > 0) {
        throw new ReadError(`the header names a column twice: ${columns.collisions.join('; ')}; keep one`);
      }
      width = headers.length;
    },
  );
  return {
    info,
    format: (format as CsvFormat<R> | null)?.name ?? '',
    ignored_columns: (columns as ColumnMap | null)?.ignored ?? [],
    rows_read: rowsRead,
    rows_valid: rowsValid,
    errors,
    error_count: errorCount,
    latest_date: latest === null ? null : (latest as string).slice(0, 10),
  };
}
