import { createHash } from 'node:crypto';
import type { ConfirmationNeeded } from './confirmations.js';
import type { FieldError } from './format.js';
import { CSV_KINDS, type ImportKind, type SnapshotChanges } from './kinds.js';

export type ImportStatus = 'committed' | 'unchanged' | 'rejected' | 'dry-run';

/** Everything an import says about itself: the CLI prints it, --report saves it, the API returns it. */
export interface ImportReport {
  status: ImportStatus;
  kind: ImportKind;
  network: string | null;
  file_name: string;
  sha256: string;
  bytes: number;
  as_at: string | null;
  format: string | null;
  encoding: string | null;
  /** What reading the file changed without refusing it (C1 characters read as Windows-1252), line by line. */
  warnings: string[];
  delimiter: string | null;
  ignored_columns: string[];
  rows_read: number;
  rows_valid: number;
  rows_written: number;
  /** Every error found; `errors` may hold only the first of them (ImportRequest.keepErrors, keptReport). */
  error_count: number;
  errors: FieldError[];
  import_id: number | null;
  superseded_import_ids: number[];
  changes: SnapshotChanges | null;
  /** What importing this list needs the request to confirm, and why, with the numbers (confirmations.ts). */
  confirmations: ConfirmationNeeded[];
  /**
   * What the caller's inTransaction hook found before the transaction ended; null without one. The API and the
   * CLI put the import preview here (server/api/writes/preview.ts); the importer itself never reads it.
   */
  preview: unknown;
  message: string;
}

export function newReport(
  kind: ImportKind,
  fileName: string,
  bytes: Uint8Array,
  asAt: string | null,
): ImportReport {
  return {
    status: 'rejected',
    kind,
    network: kind === 'boundaries' ? null : CSV_KINDS[kind].network,
    file_name: fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    as_at: asAt,
    format: null,
    encoding: null,
    warnings: [],
    delimiter: null,
    ignored_columns: [],
    rows_read: 0,
    rows_valid: 0,
    rows_written: 0,
    error_count: 0,
    errors: [],
    import_id: null,
    superseded_import_ids: [],
    changes: null,
    confirmations: [],
    preview: null,
    message: '',
  };
}

export function finalise(report: ImportReport): ImportReport {
  report.message = summarise(report);
  return report;
}

function summarise(r: ImportReport): string {
  const what = `${r.kind} ${r.file_name}${r.as_at ? ` as at ${r.as_at}` : ''}`;
  switch (r.status) {
    case 'unchanged':
      return `${what}: already imported (import #${r.import_id}, same sha256); nothing changed`;
    case 'rejected':
      return `${what}: rejected, ${r.error_count} error${r.error_count === 1 ? '' : 's'} in ${r.rows_read} rows; nothing was written`;
    case 'dry-run':
      return `${what}: dry run, ${r.rows_valid} valid rows would write ${r.rows_written} changes; nothing was written`;
    case 'committed':
      return `${what}: imported ${r.rows_read} rows (${r.rows_written} written) as import #${r.import_id}`;
  }
}

/** How many of a rejected file's errors are kept with its report and sent back; error_count stays the total. */
export const KEPT_ERRORS = 1000;

/**
 * The report as it is kept and answered: its first KEPT_ERRORS errors. A hostile file with a bad value in each of a
 * million rows would otherwise cost that much to store, send between threads and serve on every read of it.
 */
export function keptReport(report: ImportReport): ImportReport {
  return report.errors.length <= KEPT_ERRORS
    ? report
    : { ...report, errors: report.errors.slice(0, KEPT_ERRORS) };
}

// The report of an attempt whose import threw (the database full, read-only, locked): kept with the error so that
// the caller can keep it too, since every attempt keeps its report.
const REPORT_SO_FAR = Symbol('the import report so far');

/** Carries the report so far with an error thrown out of an import; returns the error. */
export function withReport(error: unknown, report: ImportReport): unknown {
  if (error !== null && typeof error === 'object') Object.assign(error, { [REPORT_SO_FAR]: report });
  return error;
}

/** The report an import's error carries (withReport), or undefined. */
export function reportOf(error: unknown): ImportReport | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  return (error as { [REPORT_SO_FAR]?: ImportReport })[REPORT_SO_FAR];
}
