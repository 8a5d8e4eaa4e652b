import type { FileIdentity } from '../db/file-watch.js';
import type { Confirmation } from '../importer/confirmations.js';
import type { ImportReport } from '../importer/import-file.js';
import type { ImportKind } from '../importer/kinds.js';

/** What the import thread is given. */
export interface ImportJob {
  dbPath: string;
  /** The file the server's connection has open: the thread refuses to write into any other at dbPath. */
  dbFile: FileIdentity | null;
  requestId: string;
  kind: ImportKind;
  bytes: Uint8Array;
  fileName: string;
  asAt: string | null;
  dryRun: boolean;
  /** What the admin confirmed of a list that needs it (a large removal, a date after today). */
  confirm: Confirmation[];
}

/** An error as it crosses threads: what the route needs to choose its status. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
}

export type ImportThreadMessage =
  | { type: 'done'; report: ImportReport; reportId: number | null; warning: string | null }
  | { type: 'failed'; error: ThreadError; reportId: number | null; warning: string | null };
