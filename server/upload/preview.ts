// The import preview, attached to an import's report from inside its transaction. The API's import thread
// (import-thread.ts) and the CLI pass previewHook as the importer's inTransaction hook; the importer itself knows
// nothing of analytics.
import { importPreview, type ImportPreview } from '../analytics/import-preview.js';
import { openDatabase } from '../db/open.js';
import type { ImportReport } from '../importer/report.js';
import type { InTransaction } from '../importer/session.js';
import { NETWORKS, type NetworkId } from '../analytics/context.js';

/** An import's report with its preview: for a network list, what it changes; null for every other kind. */
export type PreviewedReport = Omit<ImportReport, 'preview'> & { preview: ImportPreview | null };

const isNetwork = (value: string | null): value is NetworkId =>
  value !== null && (NETWORKS as readonly string[]).includes(value);

/**
 * Sets report.preview: for a network list (teaching-schools, nles, hubs), its joiners, leavers, group moves and
 * council areas gaining or losing coverage against the list in force on its date before; null for other kinds,
 * whose report's row counts say what they change. Runs inside the import's transaction, so it sees the new list;
 * it reads the list before it through a read-only connection of its own to the same file, which still sees the
 * database as committed (WAL). A database with no file (:memory:) has no second connection: preview null.
 */
export const previewHook: InTransaction = (db, report) => {
  const network = report.network;
  if (!isNetwork(network) || report.as_at === null || db.memory) {
    report.preview = null;
    return;
  }
  const committed = openDatabase(db.name, { readonly: true });
  try {
    report.preview = importPreview(db, { network, as_at: report.as_at, committed });
  } finally {
    committed.close();
  }
};
