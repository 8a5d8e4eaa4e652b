import { DatabaseFileError } from '../db/open.js';
import type { ImportReport } from '../importer/import-file.js';
import { ownMemory, startWorker } from '../threads.js';
import type { ImportJob, ImportThreadMessage, ThreadError } from './import-messages.js';

const IMPORT_THREAD = new URL('./import-thread.ts', import.meta.url);

export interface BackgroundImport {
  report: ImportReport;
  reportId: number | null;
  warning: string | null;
}

/** The error the import thread met, as an Error again: its name and SQLite code say what the client is told. */
function revive(error: ThreadError): Error {
  const revived =
    error.name === 'DatabaseFileError' ? new DatabaseFileError(error.message) : new Error(error.message);
  if (error.code !== undefined) Object.assign(revived, { code: error.code });
  return revived;
}

/**
 * Runs an import in its own thread (see import-thread.ts); resolves with its report once it has ended. An import
 * the database refused rejects with the error, carrying the id of the report kept of it (`reportId`) and why
 * none could be kept (`warning`).
 */
export function importInBackground(job: ImportJob): Promise<BackgroundImport> {
  return new Promise((resolve, reject) => {
    let settled = false;
    // The upload's bytes move to the thread rather than being copied (tens of MB, on the thread answering reads).
    const worker = startWorker(IMPORT_THREAD, job, ownMemory(job.bytes));
    worker.on('message', (message: ImportThreadMessage) => {
      settled = true;
      if (message.type === 'done') resolve(message);
      else
        reject(
          Object.assign(revive(message.error), { reportId: message.reportId, warning: message.warning }),
        );
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the import thread stopped (exit code ${code}) before it answered`));
    });
  });
}
