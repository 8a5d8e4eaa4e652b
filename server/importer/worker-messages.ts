import type { areaTables } from './import-file.js';
import type { CSV_KINDS } from './kinds.js';
import type { PackedRecords } from './packed-records.js';
import type { TableValidation } from './validate-table.js';

export interface WorkerInput {
  kind: keyof typeof CSV_KINDS;
  bytes: Uint8Array;
  tables: ReturnType<typeof areaTables>;
}

export type WorkerMessage =
  | { type: 'records'; packed: PackedRecords; progress: { rows: number; fraction: number } }
  | { type: 'done'; validation: TableValidation }
  | { type: 'failed'; message: string; readError: boolean };
