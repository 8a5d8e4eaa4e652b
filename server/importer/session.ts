import { today } from '../../common/dates.js';
import { type Db, beginBulk, commitBulk, rollbackBulk } from '../db/gateway.js';
import { beginImport, finishImport, supersedeImports } from '../db/writes/imports.js';
import { currentVersionKept, keepCurrentVersion } from '../db/versions.js';
import { refreshAfterImport, refreshServedAreasAfterImport } from '../precompute/refresh.js';
import { type Confirmation, confirmationsNeeded, unconfirmed } from './confirmations.js';
import type { ImportReport } from './report.js';
import type { KindWriter } from './kinds.js';
import { type PackedRecords, packedValues, unpackRecords } from './packed-records.js';

const sameFields = (keys: readonly string[], fields: readonly string[]) =>
  keys.length === fields.length && keys.every((key, i) => key === fields[i]);

/**
 * Work done inside an import's transaction once every row is written and checked, just before it commits (or,
 * for a dry run, rolls back): it sees the import's rows as readers will, before any reader can.
 */
export type InTransaction = (db: Db, report: ImportReport, importId: number) => void;

/** What the caller asks of the transaction besides its rows. */
export interface SessionOptions {
  /** Run inside the transaction just before it ends (see InTransaction). */
  inTransaction?: InTransaction;
  /** The confirmations given for a list that needs them (confirmations.ts). */
  confirm?: readonly Confirmation[];
  /** Today's date (YYYY-MM-DD), which a list may not be dated after without confirmation; default: today (UTC). */
  today?: string;
  /** A dry run replaces nothing, so keeps no version. */
  dryRun?: boolean;
  /**
   * Keep the data version this import replaces, readable under its `v` (db/versions.ts); default true. A build,
   * whose versions nobody ever read, keeps none.
   */
  keepVersions?: boolean;
}

/**
 * The code of an import that another one overtook as it began (nothing was written): a conflict the client may
 * retry at once, told apart from a fault. It crosses from the import thread with the error's message.
 */
export const IMPORT_RACED = 'IMPORT_RACED';

/**
 * The one transaction of an import: its provenance record, every row, and the superseding of what it replaces.
 * Rows may arrive in batches (from a parse running alongside); nothing is visible to readers until commit.
 */
export class ImportSession<R> {
  private writer: KindWriter<R> | null = null;
  private importId = 0;
  private written = 0;

  constructor(
    private readonly db: Db,
    private readonly report: ImportReport,
    private readonly makeWriter: (importId: number) => KindWriter<R>,
    private readonly options: SessionOptions = {},
  ) {}

  get open(): boolean {
    return this.writer !== null;
  }

  begin(): void {
    const r = this.report;
    const keep = this.options.keepVersions !== false && this.options.dryRun !== true;
    // Outside the transaction (VACUUM INTO cannot run in one), once per version: later imports find it kept.
    if (keep) keepCurrentVersion(this.db);
    beginBulk(this.db);
    try {
      // Another import committed between the copy and the write lock: its version would go unkept.
      if (keep && !currentVersionKept(this.db))
        throw Object.assign(new Error('another import committed while this one was starting; try again'), {
          code: IMPORT_RACED,
        });
      this.importId = beginImport(
        this.db,
        {
          kind: r.kind,
          network_id: r.network,
          file_name: r.file_name,
          sha256: r.sha256,
          bytes: r.bytes,
          as_at: r.as_at,
        },
        new Date().toISOString(),
      );
      this.writer = this.makeWriter(this.importId);
    } catch (error) {
      rollbackBulk(this.db);
      throw error;
    }
  }

  add(records: R[]): void {
    for (const record of records) if (this.writer!.add(record)) this.written++;
  }

  /** Records as they crossed from another thread: written as values when the writer takes them so. */
  addPacked(packed: PackedRecords): void {
    const takes = this.writer!.packed;
    if (takes && 'keys' in packed && sameFields(packed.keys, takes.fields)) {
      this.written += takes.add(packedValues(packed));
    } else this.add(unpackRecords(packed) as R[]);
  }

  /** Records the outcome and commits, or for a dry run rolls back having counted what would change. */
  finish(dryRun: boolean): string | null {
    const problem = this.writer!.finish?.() ?? null;
    if (problem !== null) {
      this.abort();
      return problem;
    }
    const r = this.report;
    r.rows_written = this.written;
    r.changes = this.writer!.changes?.() ?? null;
    r.confirmations = confirmationsNeeded(r, this.options.today ?? today());
    const refusal = dryRun ? null : unconfirmed(r.confirmations, this.options.confirm ?? []);
    if (refusal !== null) {
      this.abort();
      return refusal;
    }
    // The figures reads look up (distances, per-area counts, the search index), in the same transaction; a dry
    // run, which nobody reads, is spared them, and so is an import refused above.
    if (!dryRun) refreshAfterImport(this.db, r, this.writer!.schoolPoints?.() ?? null);
    else refreshServedAreasAfterImport(this.db, r);
    r.superseded_import_ids = this.writer!.supersedes.filter((id) => id !== this.importId);
    supersedeImports(this.db, r.superseded_import_ids);
    finishImport(this.db, this.importId, {
      rows_read: r.rows_read,
      rows_written: this.written,
      message: null,
    });
    this.options.inTransaction?.(this.db, r, this.importId);
    if (dryRun) {
      rollbackBulk(this.db);
      r.status = 'dry-run';
    } else {
      commitBulk(this.db);
      r.status = 'committed';
      r.import_id = this.importId;
    }
    this.writer = null;
    return null;
  }

  abort(): void {
    rollbackBulk(this.db);
    this.writer = null;
  }
}
