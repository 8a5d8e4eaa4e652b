// Thread entry: one upload's whole import (parse, validate, write, commit, keep the report) on its own database
// connection and at a lower CPU priority, so that the server's main thread goes on answering readers meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../db/gateway.js';
import { isSameFile, openedFile } from '../db/file-watch.js';
import { DatabaseFileError, openDatabase } from '../db/open.js';
import { saveImportReport } from '../db/writes/import-reports.js';
import { importFileInWorker } from '../importer/import-in-worker.js';
import { fileError, reject } from '../importer/import-file.js';
import { type ImportReport, KEPT_ERRORS, keptReport, newReport, reportOf } from '../importer/report.js';
import { runInBackground } from '../threads.js';
import type { ImportJob, ImportThreadMessage, ThreadError } from './import-messages.js';
import { previewHook } from './preview.js';

const job = workerData as ImportJob;
const post = (message: ImportThreadMessage) => parentPort!.postMessage(message);

function threadError(error: unknown): ThreadError {
  const e = error as { name?: unknown; message?: unknown; code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(error),
    ...(code === undefined ? {} : { code }),
  };
}

/**
 * The report of an attempt the database refused (full, read-only, locked): rejected, with what happened, so that
 * every attempt keeps its report. Built from the report so far when the importer had begun one.
 */
function failedReport(error: unknown): ImportReport {
  const report = reportOf(error) ?? newReport(job.kind, job.fileName, job.bytes, job.asAt);
  const { code, message } = threadError(error);
  report.rows_written = 0;
  report.import_id = null;
  // The database's refusal is what stopped the import: it replaces whatever the report held before it.
  report.errors = [];
  report.error_count = 0;
  return keptReport(
    reject(report, [
      fileError(`the database could not be written (${code ?? 'error'}: ${message}); nothing was imported`),
    ]),
  );
}

/** Keeps a report; the error that stops it is returned as a warning, since the import itself has ended. */
function keep(writer: Db, report: ImportReport): { reportId: number | null; warning: string | null } {
  try {
    const reportId = saveImportReport(writer, {
      received_at: new Date().toISOString(),
      request_id: job.requestId,
      kind: report.kind,
      status: report.status,
      import_id: report.status === 'committed' ? report.import_id : null,
      report: JSON.stringify(report),
    });
    return { reportId, warning: null };
  } catch (error) {
    // The import itself has committed or rolled back already; a report we cannot keep is logged, not fatal.
    return { reportId: null, warning: `import report not kept: ${(error as Error).message}` };
  }
}

runInBackground();
let writer: Db | null = null;
try {
  writer = openDatabase(job.dbPath);
  if (!isSameFile(openedFile(writer), job.dbFile)) {
    throw new DatabaseFileError(
      `the database file ${job.dbPath} was replaced while the server ran; restart the server; nothing was imported`,
    );
  }
  const full = await importFileInWorker(writer, {
    kind: job.kind,
    bytes: job.bytes,
    fileName: job.fileName,
    asAt: job.asAt,
    dryRun: job.dryRun,
    confirm: job.confirm,
    // Only the errors its report keeps: a file of millions of bad values must not hold millions of errors.
    keepErrors: KEPT_ERRORS,
    // The report's preview: what a dry run is for, and what a commit changed.
    inTransaction: previewHook,
  });
  const report = keptReport(full);
  post({ type: 'done', report, ...keep(writer, report) });
} catch (error) {
  // A database that refused the import (disk full) usually takes a report: the rolled-back pages are free again.
  const kept = writer === null ? { reportId: null, warning: null } : keep(writer, failedReport(error));
  post({ type: 'failed', error: threadError(error), ...kept });
} finally {
  writer?.close();
}
