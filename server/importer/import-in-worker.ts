import type { Db } from '../db/gateway.js';
import type { Worker } from 'node:worker_threads';
import { ownMemory, startWorker } from '../threads.js';
import {
  type ImportReport,
  type ImportRequest,
  areaTables,
  completeImport,
  importFile,
  fileError,
  reject,
  startImport,
  streams,
} from './import-file.js';
import { ReadError } from './read.js';
import { finalise, withReport } from './report.js';
import { ImportSession } from './session.js';
import type { TableValidation } from './validate-table.js';
import type { WorkerFile, WorkerMessage, WorkerWork } from './worker-messages.js';

const VALIDATE_WORKER = new URL('./validate-worker.ts', import.meta.url);

/**
 * A validating thread, started before the file is needed: a thread takes 100-200 ms to start, which it spends
 * while this one opens the database, hashes the file and checks it. It waits for its work (validate()). Pass it
 * to importFileInWorker in the same turn of the event loop, so that an error starting it is heard.
 */
export function startValidator(request: Pick<ImportRequest, 'kind' | 'asAt'>): Worker | null {
  if (!streams(request)) return null;
  const worker = startWorker(VALIDATE_WORKER, null);
  // An import that stops before handing it the file (refused, unchanged, or the database would not open) never
  // listens to it: a failure to start must not then crash the process. An import that uses it listens itself.
  worker.on('error', () => {});
  return worker;
}

/**
 * Hands a validator its file and its work. The file is moved, not copied, once this thread has hashed it: from
 * then on only the validator holds it, and lets it go once decoded. A file in memory threads share (read early
 * and given to the validator to decode while this thread hashed it) stayed held by this thread to the commit,
 * 44 MB of the 400,000-row import's peak.
 */
function validate(worker: Worker, bytes: Uint8Array, work: WorkerWork): void {
  worker.postMessage({ type: 'file', bytes } satisfies WorkerFile, ownMemory(bytes));
  worker.postMessage(work);
}

/**
 * The same import as importFile, with parsing and validation in a worker thread while this thread writes the
 * rows it has been sent: the same steps, the same single transaction, about half the wall time on a large file.
 * Lists that take their as-at date from their rows, and boundaries, are small and go through importFile.
 * `worker` may be one startValidator() started earlier; it is stopped when it is not needed.
 */
export async function importFileInWorker(
  db: Db,
  request: ImportRequest,
  worker: Worker | null = startValidator(request),
): Promise<ImportReport> {
  if (worker === null) return importFile(db, request);
  try {
    return await importWith(worker, db, request);
  } finally {
    // Done with it, or never needed: a thread still waiting for a file would keep the process alive.
    void worker.terminate();
  }
}

async function importWith(worker: Worker, db: Db, request: ImportRequest): Promise<ImportReport> {
  const { report, spec, streaming, done } = startImport(db, request);
  if (done) return finalise(report);
  if (spec === null || !streaming)
    throw new Error(`a ${request.kind} import given a validator does not stream`);

  const session = new ImportSession<unknown>(
    db,
    report,
    (importId) => spec.writer(db, importId, report.as_at),
    request,
  );
  const work: WorkerWork = {
    type: 'work',
    kind: spec.kind as WorkerWork['kind'],
    tables: areaTables(db),
    keepErrors: request.keepErrors ?? Infinity,
  };
  session.begin();
  try {
    const validation = await new Promise<TableValidation>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'records') {
          try {
            session.addPacked(message.packed);
            request.onProgress?.(message.progress);
          } catch (error) {
            reject(error);
          }
        } else if (message.type === 'done') {
          // Its work is done: stopped now, its memory (the decoded file above all) is not held through the
          // figures worked out before the commit.
          void worker.terminate();
          resolve(message.validation);
        }
        // The same outcome as importFile: a file that cannot be read is rejected, anything else is thrown.
        else reject(message.readError ? new ReadError(message.message) : new Error(message.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) =>
        code === 0 ? undefined : reject(new Error(`validation worker exited with ${code}`)),
      );
      validate(worker, request.bytes, work);
    });
    return completeImport(db, request, report, session, validation, []);
  } catch (error) {
    session.abort();
    if (error instanceof ReadError) return reject(report, [fileError(error.message)]);
    throw withReport(error, report);
  }
}
