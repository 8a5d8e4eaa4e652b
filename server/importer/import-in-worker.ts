import type { Db } from '../db/gateway.js';
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
} from './import-file.js';
import { ReadError } from './read.js';
import { finalise } from './report.js';
import { ImportSession } from './session.js';
import type { TableValidation } from './validate-table.js';
import type { WorkerInput, WorkerMessage } from './worker-messages.js';

const VALIDATE_WORKER = new URL('./validate-worker.ts', import.meta.url);

/**
 * The same import as importFile, with parsing and validation in a worker thread while this thread writes the
 * rows it has been sent: the same steps, the same single transaction, about half the wall time on a large file.
 * Lists that take their as-at date from their rows, and boundaries, are small and go through importFile.
 */
export async function importFileInWorker(db: Db, request: ImportRequest): Promise<ImportReport> {
  const { report, spec, streaming, done } = startImport(db, request);
  if (done) return finalise(report);
  if (spec === null || !streaming) return importFile(db, request);

  const session = new ImportSession<unknown>(
    db,
    report,
    (importId) => spec.writer(db, importId, report.as_at),
    request,
  );
  const input: WorkerInput = {
    kind: spec.kind as WorkerInput['kind'],
    bytes: request.bytes,
    tables: areaTables(db),
  };
  session.begin();
  try {
    const validation = await new Promise<TableValidation>((resolve, reject) => {
      // The file's memory is handed over, not copied: this thread has its checksum and needs no more of it.
      const worker = startWorker(VALIDATE_WORKER, input, ownMemory(request.bytes));
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'records') {
          try {
            session.addPacked(message.packed);
            request.onProgress?.(message.progress);
          } catch (error) {
            void worker.terminate();
            reject(error);
          }
        } else if (message.type === 'done') resolve(message.validation);
        // The same outcome as importFile: a file that cannot be read is rejected, anything else is thrown.
        else reject(message.readError ? new ReadError(message.message) : new Error(message.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) =>
        code === 0 ? undefined : reject(new Error(`validation worker exited with ${code}`)),
      );
    });
    return completeImport(db, request, report, session, validation, []);
  } catch (error) {
    session.abort();
    if (error instanceof ReadError) return reject(report, [fileError(error.message)]);
    throw error;
  }
}
