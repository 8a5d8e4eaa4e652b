import { createHash } from 'node:crypto';
import type { Db } from '../db/gateway.js';
import { areaAliases, areaNames } from '../db/writes/council-areas.js';
import { beginImport, findSameImport, finishImport, supersedeImports } from '../db/writes/imports.js';
import { AreaIndex } from './areas.js';
import { type BoundaryRecord, validateTopology } from './boundaries.js';
import {
  type CsvFormat,
  ColumnMap,
  type FieldError,
  Row,
  type ValidateContext,
  describeMissingColumns,
  pickFormat,
} from './format.js';
import {
  CSV_KINDS,
  type ImportKind,
  type KindWriter,
  type SnapshotChanges,
  boundaryWriter,
} from './kinds.js';
import { ReadError, decode, readTable } from './read.js';

export interface ImportRequest {
  kind: ImportKind;
  bytes: Uint8Array;
  fileName: string;
  asAt?: string | null;
  dryRun?: boolean;
  onProgress?: (progress: { rows: number; fraction: number }) => void;
}

export type ImportStatus = 'committed' | 'unchanged' | 'rejected' | 'dry-run';

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
  delimiter: string | null;
  ignored_columns: string[];
  rows_read: number;
  rows_valid: number;
  rows_written: number;
  error_count: number;
  errors: FieldError[];
  import_id: number | null;
  superseded_import_ids: number[];
  changes: SnapshotChanges | null;
  message: string;
}

/** Thrown inside the transaction to undo it: a rejected file, or a dry run that has seen what it would do. */
class Rollback extends Error {}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function areaContext(db: Db): ValidateContext {
  return { areas: new AreaIndex(areaNames(db), areaAliases(db)) };
}

/**
 * Imports one file: read it, validate every row, then write all of it in one transaction with its provenance,
 * or nothing at all. Importing the same file (kind, checksum, as-at) again changes nothing.
 */
export function importFile(db: Db, request: ImportRequest): ImportReport {
  const report: ImportReport = {
    status: 'rejected',
    kind: request.kind,
    network: request.kind in CSV_KINDS ? CSV_KINDS[request.kind as keyof typeof CSV_KINDS].network : null,
    file_name: request.fileName,
    sha256: sha256(request.bytes),
    bytes: request.bytes.length,
    as_at: request.asAt ?? null,
    format: null,
    encoding: null,
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
    message: '',
  };
  const reject = (errors: FieldError[]) => {
    report.status = 'rejected';
    report.errors.push(...errors);
    report.error_count = report.errors.length;
  };

  // A list that needs an as-at date and does not come with one is checked once its rows have given the date.
  const asAtKnown =
    report.as_at !== null || request.kind === 'boundaries' || !CSV_KINDS[request.kind].needsAsAt;
  if (!request.dryRun && asAtKnown && alreadyImported(db, report)) return finalise(report);
  try {
    if (request.kind === 'boundaries') importBoundaries(db, request, report, reject);
    else importCsv(db, request, report, reject);
  } catch (error) {
    if (!(error instanceof Rollback)) {
      if (error instanceof ReadError) reject([{ row: 0, column: '', value: '', message: error.message }]);
      else throw error;
    }
  }
  return finalise(report);
}

function alreadyImported(db: Db, report: ImportReport): boolean {
  const same = findSameImport(db, report.kind, report.sha256, report.as_at);
  if (!same) return false;
  report.status = 'unchanged';
  report.import_id = same.id;
  report.rows_read = same.rows_read;
  return true;
}

function importCsv(
  db: Db,
  request: ImportRequest,
  report: ImportReport,
  reject: (e: FieldError[]) => void,
): void {
  const spec = CSV_KINDS[request.kind as keyof typeof CSV_KINDS];
  const context = areaContext(db);
  let format: CsvFormat<unknown> | null = null;
  let columns: ColumnMap | null = null;
  const seen = new Map<string, number>();
  const records: unknown[] = [];

  // Rows are validated in batches as they are parsed; records wait in memory until the whole file is known good.
  const info = readTable(
    request.bytes,
    (batch) => {
      if (format === null || columns === null) return;
      for (let i = 0; i < batch.rows.length; i++) {
        const row = new Row(batch.lines[i]!, batch.rows[i]!, columns);
        report.rows_read++;
        const result = format.validate(row, context);
        if (!result.ok) {
          report.errors.push(...result.errors);
          continue;
        }
        const key = format.key?.(result.record);
        if (key !== undefined) {
          const first = seen.get(key);
          if (first !== undefined) {
            report.errors.push({
              row: row.line,
              column: '',
              value: key,
              message: `duplicate of line ${first}`,
            });
            continue;
          }
          seen.set(key, row.line);
        }
        report.rows_valid++;
        if (report.errors.length === 0) records.push(result.record);
      }
      request.onProgress?.({ rows: report.rows_read, fraction: batch.progress });
    },
    (headers) => {
      format = pickFormat(headers, spec.formats);
      if (format === null) throw new ReadError(describeMissingColumns(headers, spec.formats[0]!));
      columns = new ColumnMap(headers, format.columns);
    },
  );
  report.encoding = info.encoding;
  report.delimiter = info.delimiter;
  report.format = format === null ? null : (format as CsvFormat<unknown>).name;
  report.ignored_columns = columns === null ? [] : (columns as ColumnMap).ignored;
  if (report.errors.length > 0) return reject([]);
  if (report.rows_read === 0)
    return reject([{ row: 0, column: '', value: '', message: 'the file has no data rows' }]);

  if (spec.needsAsAt && report.as_at === null) {
    const dates = records
      .map((r) => (format as CsvFormat<unknown>).date?.(r) ?? null)
      .filter((d) => d !== null);
    if (dates.length === 0) {
      return reject([
        {
          row: 0,
          column: '',
          value: '',
          message: `--as-at is required: a ${request.kind} file is a full list as at a date, and this one carries no dates`,
        },
      ]);
    }
    report.as_at = dates.reduce((a, b) => (a > b ? a : b)).slice(0, 10);
    if (!request.dryRun && alreadyImported(db, report)) return;
  }
  write(db, request, report, (importId) => spec.writer(db, importId, report.as_at), records);
}

function importBoundaries(
  db: Db,
  request: ImportRequest,
  report: ImportReport,
  reject: (e: FieldError[]) => void,
): void {
  const { text, encoding } = decode(request.bytes);
  report.encoding = encoding;
  report.format = 'TopoJSON';
  const result = validateTopology(text, areaContext(db));
  if (!result.ok) return reject(result.errors);
  report.rows_read = result.record.features;
  report.rows_valid = result.record.features;
  const record: BoundaryRecord = result.record;
  write(db, request, report, (importId) => boundaryWriter(db, importId, record.level), [record]);
}

/** The one transaction: the import's record, every row, and the marking of what it replaces. */
function write<R>(
  db: Db,
  request: ImportRequest,
  report: ImportReport,
  writer: (importId: number) => KindWriter<R>,
  records: R[],
): void {
  db.transaction(() => {
    const started = new Date().toISOString();
    const importId = beginImport(
      db,
      {
        kind: report.kind,
        network_id: report.network,
        file_name: report.file_name,
        sha256: report.sha256,
        bytes: report.bytes,
        as_at: report.as_at,
      },
      started,
    );
    const kindWriter = writer(importId);
    let written = 0;
    for (const record of records) if (kindWriter.add(record)) written++;
    report.rows_written = written;
    report.changes = kindWriter.changes?.() ?? null;
    report.superseded_import_ids = kindWriter.supersedes.filter((id) => id !== importId);
    supersedeImports(db, report.superseded_import_ids);
    finishImport(db, importId, { rows_read: report.rows_read, rows_written: written, message: null });
    report.import_id = importId;
    report.status = request.dryRun ? 'dry-run' : 'committed';
    if (request.dryRun) throw new Rollback();
  })();
}

function finalise(report: ImportReport): ImportReport {
  report.error_count = report.errors.length;
  report.message = summarise(report);
  if (report.status === 'dry-run') report.import_id = null;
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
