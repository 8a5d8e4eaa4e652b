// Thread entry: one upload's whole import (parse, validate, write, commit, keep the report) on its own database
// connection and at a lower CPU priority, so that the server's main thread goes on answering readers meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../db/gateway.js';
import { isSameFile, openedFile } from '../db/file-watch.js';
import { DatabaseFileError, openDatabase } from '../db/open.js';
import { saveImportReport } from '../db/writes/import-reports.js';
import { importFileInWorker } from '../importer/import-in-worker.js';
import { keptReport } from '../importer/report.js';
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
    // The report's preview: what a dry run is for, and what a commit changed.
    inTransaction: previewHook,
  });
  const report = keptReport(full);
  let reportId: number | null = null;
  let warning: string | null = null;
  try {
    reportId = saveImportReport(writer, {
      received_at: new Date().toISOString(),
      request_id: job.requestId,
      kind: report.kind,
      status: report.status,
      import_id: report.status === 'committed' ? report.import_id : null,
      report: JSON.stringify(report),
    });
  } catch (error) {
    // The import itself has committed or rolled back already; a report we cannot keep is logged, not fatal.
    warning = `import report not kept: ${(error as Error).message}`;
  }
  post({ type: 'done', report, reportId, warning });
} catch (error) {
  post({ type: 'failed', error: threadError(error) });
} finally {
  writer?.close();
}
