import { DatabaseFileError } from '../../db/open.js';
import type { DataVersion } from '../../db/queries/dataVersion.js';
import type { ImportReport } from '../../importer/import-file.js';
import { ownMemory, startWorker } from '../../threads.js';
import type { CachedBody } from '../responseCache.js';
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
 * Runs an import in its own thread (see import-thread.ts). When the thread has made the answers readers will want
 * on the new data, `putInPlace` stores them, and only then does the import commit.
 */
export function importInBackground(
  job: Omit<ImportJob, 'answersInPlace'>,
  putInPlace: (dataVersion: DataVersion, answers: { key: string; answer: CachedBody }[]) => void,
): Promise<BackgroundImport> {
  const answersInPlace = new SharedArrayBuffer(4);
  return new Promise((resolve, reject) => {
    let settled = false;
    // The upload's bytes move to the thread rather than being copied (tens of MB, on the thread answering reads).
    const worker = startWorker(
      IMPORT_THREAD,
      { ...job, answersInPlace } satisfies ImportJob,
      ownMemory(job.bytes),
    );
    const release = () => {
      Atomics.store(new Int32Array(answersInPlace), 0, 1);
      Atomics.notify(new Int32Array(answersInPlace), 0);
    };
    worker.on('message', (message: ImportThreadMessage) => {
      if (message.type === 'answers') {
        try {
          putInPlace(message.dataVersion, message.answers);
        } finally {
          release();
        }
      } else if (message.type === 'done') {
        settled = true;
        resolve(message);
      } else {
        settled = true;
        reject(revive(message.error));
      }
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
