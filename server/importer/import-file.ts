import { today } from '../../common/dates.js';
import type { Db } from '../db/gateway.js';
import { findSameImport } from '../db/writes/imports.js';
import { validateTopology } from './boundaries.js';
import { areaContext, areaTables, knownCodes } from './area-context.js';
import type { FieldError } from './format.js';

export { areaContext, areaTables } from './area-context.js';
import { CSV_KINDS, type ImportKind, type KindSpec, boundaryWriter } from './kinds.js';
import { type Decoded, decode, ReadError } from './read.js';
import { type ImportReport, finalise, newReport, withReport } from './report.js';
import { asAtProblem } from './confirmations.js';
import { ImportSession, type SessionOptions } from './session.js';
import { type TableValidation, validateTable } from './validate-table.js';

export type { ImportReport, ImportStatus } from './report.js';

export interface ImportRequest extends SessionOptions {
  kind: ImportKind;
  bytes: Uint8Array;
  fileName: string;
  asAt?: string | null;
  dryRun?: boolean;
  onProgress?: (progress: { rows: number; fraction: number }) => void;
  /**
   * How many of a bad file's errors to keep (the rest are counted): every one by default, as the CLI's --report
   * promises; an upload keeps what its report keeps (KEPT_ERRORS), so that memory stays bounded.
   */
  keepErrors?: number;
}

/** Rejects the import with `errors`, the first `count` (all of them by default) of the errors found. */
export function reject(report: ImportReport, errors: FieldError[], count = errors.length): ImportReport {
  report.status = 'rejected';
  // One by one: spread into push(), a file with a bad value in each of some 150,000 rows overflowed the stack.
  for (const error of errors) report.errors.push(error);
  report.error_count += count;
  return finalise(report);
}

export const fileError = (message: string): FieldError => ({ row: 0, column: '', value: '', message });

function alreadyImported(db: Db, report: ImportReport): boolean {
  const same = findSameImport(db, report.kind, report.sha256, report.as_at);
  if (!same) return false;
  report.status = 'unchanged';
  report.import_id = same.id;
  report.rows_read = same.rows_read;
  return true;
}

/**
 * Whether an import's rows are written as they are read. A full list with no as-at date gets it from its rows,
 * so it is checked and written once they are all read; boundaries are one document.
 */
export function streams(request: Pick<ImportRequest, 'kind' | 'asAt'>): boolean {
  return (
    request.kind !== 'boundaries' && ((request.asAt ?? null) !== null || !CSV_KINDS[request.kind].needsAsAt)
  );
}

/**
 * What an import of this kind can know before reading: whether the same file was already imported (when its
 * as-at date is known up front), and whether rows can be written as they are validated.
 */
export function startImport(db: Db, request: ImportRequest) {
  const report = newReport(request.kind, request.fileName, request.bytes, request.asAt ?? null);
  const spec = request.kind === 'boundaries' ? null : (CSV_KINDS[request.kind] as KindSpec<unknown>);
  const streaming = streams(request);
  const problem = asAtProblem(report.as_at, request.today ?? today());
  if (problem !== null) reject(report, [fileError(problem)]);
  // Done before reading: refused for its date, or the same file again.
  const done = problem !== null || ((streaming || spec === null) && alreadyImported(db, report));
  return { report, spec, streaming, done };
}

/** After validation: reject, or complete the session (opening it now for lists that waited for their date). */
export function completeImport(
  db: Db,
  request: ImportRequest,
  report: ImportReport,
  session: ImportSession<unknown>,
  validation: TableValidation,
  buffered: unknown[],
): ImportReport {
  report.encoding = validation.info.encoding;
  report.warnings = validation.info.warnings;
  report.delimiter = validation.info.delimiter;
  report.format = validation.format;
  report.ignored_columns = validation.ignored_columns;
  report.rows_read = validation.rows_read;
  report.rows_valid = validation.rows_valid;
  if (validation.error_count > 0) {
    session.abort();
    return reject(report, validation.errors, validation.error_count);
  }
  if (validation.rows_read === 0) {
    session.abort();
    return reject(report, [fileError('the file has no data rows')]);
  }
  if (!session.open) {
    if (report.as_at === null) report.as_at = validation.latest_date;
    const problem = asAtProblem(report.as_at, request.today ?? today());
    if (problem !== null) return reject(report, [fileError(problem)]);
    if (report.as_at === null) {
      return reject(report, [
        fileError(
          `--as-at is required: a ${request.kind} file is a full list as at a date, and this one carries no dates`,
        ),
      ]);
    }
    if (alreadyImported(db, report)) return finalise(report);
    session.begin();
    session.add(buffered);
  }
  const problem = session.finish(request.dryRun ?? false);
  return problem === null ? finalise(report) : reject(report, [fileError(problem)]);
}

/**
 * Imports one file: read it, validate every row, then write all of it in one transaction with its provenance,
 * or nothing at all. Importing the same file (kind, checksum, as-at) again changes nothing.
 */
export function importFile(db: Db, request: ImportRequest): ImportReport {
  const { report, spec, streaming, done } = startImport(db, request);
  if (done) return finalise(report);
  if (spec === null) return importBoundaries(db, request, report);

  const session = new ImportSession<unknown>(
    db,
    report,
    (importId) => spec.writer(db, importId, report.as_at),
    request,
  );
  const buffered: unknown[] = [];
  try {
    if (streaming) session.begin();
    const validation = validateTable(
      request.bytes,
      spec.formats,
      areaContext(areaTables(db)),
      (records, progress) => {
        if (streaming) session.add(records);
        else for (const record of records) buffered.push(record);
        request.onProgress?.(progress);
      },
      request.keepErrors,
    );
    return completeImport(db, request, report, session, validation, buffered);
  } catch (error) {
    session.abort();
    if (error instanceof ReadError) return reject(report, [fileError(error.message)]);
    throw withReport(error, report);
  }
}

function importBoundaries(db: Db, request: ImportRequest, report: ImportReport): ImportReport {
  let decoded: Decoded;
  try {
    decoded = decode(request.bytes);
  } catch (error) {
    if (error instanceof ReadError) return reject(report, [fileError(error.message)]);
    throw error;
  }
  const { text, encoding, warnings } = decoded;
  report.encoding = encoding;
  report.warnings = warnings;
  report.format = 'TopoJSON';
  const result = validateTopology(text, knownCodes(db));
  if (!result.ok) return reject(report, result.errors);
  report.rows_read = result.record.features;
  report.rows_valid = result.record.features;
  const session = new ImportSession(
    db,
    report,
    (importId) => boundaryWriter(db, importId, result.record.level),
    request,
  );
  session.begin();
  try {
    session.add([result.record]);
    const problem = session.finish(request.dryRun ?? false);
    if (problem !== null) return reject(report, [fileError(problem)]);
  } catch (error) {
    session.abort();
    throw withReport(error, report);
  }
  return finalise(report);
}
