import type { areaTables } from './import-file.js';
import type { CSV_KINDS } from './kinds.js';
import type { PackedRecords } from './packed-records.js';
import type { TableValidation } from './validate-table.js';

/** The file to validate: the validator decodes it on arrival, while the work may still be on its way. */
export interface WorkerFile {
  type: 'file';
  bytes: Uint8Array;
}

/** What to validate the file against; sent after the file. */
export interface WorkerWork {
  type: 'work';
  kind: keyof typeof CSV_KINDS;
  tables: ReturnType<typeof areaTables>;
  /** How many errors to keep (ImportRequest.keepErrors); Infinity for all. */
  keepErrors: number;
}

export type WorkerInput = WorkerFile | WorkerWork;

export type WorkerMessage =
  | { type: 'records'; packed: PackedRecords; progress: { rows: number; fraction: number } }
  | { type: 'done'; validation: TableValidation }
  | { type: 'failed'; message: string; readError: boolean };
