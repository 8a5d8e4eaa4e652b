// Worker entry: parses and validates a file off the main thread, posting valid records in batches while the
// main thread writes them (see import-in-worker.ts). Started before the file is ready, it waits for it.
import { parentPort } from 'node:worker_threads';
import { areaContext } from './import-file.js';
import { CSV_KINDS } from './kinds.js';
import { packRecords, transferable } from './packed-records.js';
import { ReadError } from './read.js';
import { validateTable } from './validate-table.js';
import type { WorkerInput, WorkerMessage } from './worker-messages.js';

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);
parentPort!.once('message', (input: WorkerInput) => {
  try {
    const spec = CSV_KINDS[input.kind];
    const validation = validateTable(
      input.bytes,
      spec.formats,
      areaContext(input.tables),
      (records, progress) => {
        const packed = packRecords(records);
        post({ type: 'records', packed, progress }, transferable(packed));
      },
    );
    post({ type: 'done', validation });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message, readError: error instanceof ReadError });
  }
});
