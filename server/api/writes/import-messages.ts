import type { DataVersion } from '../../db/queries/dataVersion.js';
import type { Confirmation } from '../../importer/confirmations.js';
import type { ImportReport } from '../../importer/import-file.js';
import type { ImportKind } from '../../importer/kinds.js';
import type { AnswerSource, CachedBody } from '../responseCache.js';

/** What the import thread is given. */
export interface ImportJob {
  dbPath: string;
  requestId: string;
  kind: ImportKind;
  bytes: Uint8Array;
  fileName: string;
  asAt: string | null;
  dryRun: boolean;
  /** What the admin confirmed of a list that needs it (a large removal, a date after today). */
  confirm: Confirmation[];
  /** The answers readers have been asking for, to make again on the new data before it is committed. */
  sources: AnswerSource[];
  /** Set to 1 by the main thread once it has those answers in place (the import thread waits on it). */
  answersInPlace: SharedArrayBuffer;
}

/** An error as it crosses threads: what the route needs to choose its status. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
}

export type ImportThreadMessage =
  | { type: 'answers'; dataVersion: DataVersion; answers: { key: string; answer: CachedBody }[] }
  | { type: 'done'; report: ImportReport; reportId: number | null; warning: string | null }
  | { type: 'failed'; error: ThreadError };
