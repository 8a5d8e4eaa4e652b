// Worker entry: parses and validates a file off the main thread, posting valid records in batches while the
// main thread writes them (see import-in-worker.ts). Started before the file is ready, it waits for it, and
// decodes it as soon as it comes, before it is told what the file is to be validated against.
import { parentPort } from 'node:worker_threads';
import { areaContext } from './import-file.js';
import { CSV_KINDS } from './kinds.js';
import { packRecords, transferable } from './packed-records.js';
import { type Decoded, ReadError, decode } from './read.js';
import { validateTable } from './validate-table.js';
import type { WorkerInput, WorkerMessage } from './worker-messages.js';

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);
// The file decoded, or why it could not be (told when the work comes: nobody may be listening before).
let file: Decoded | Error | null = null;
parentPort!.on('message', (input: WorkerInput) => {
  if (input.type === 'file') {
    try {
      file = decode(input.bytes);
    } catch (error) {
      file = error as Error;
    }
    return;
  }
  try {
    if (file === null) throw new Error('the validator was given work before the file');
    if (file instanceof Error) throw file;
    const spec = CSV_KINDS[input.kind];
    const validation = validateTable(
      file,
      spec.formats,
      areaContext(input.tables),
      (records, progress) => {
        const packed = packRecords(records);
        post({ type: 'records', packed, progress }, transferable(packed));
      },
      input.keepErrors,
    );
    post({ type: 'done', validation });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message, readError: error instanceof ReadError });
  }
});
