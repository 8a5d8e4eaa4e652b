import { type Db, run } from '../gateway.js';

export interface NewImportReport {
  received_at: string;
  request_id: string | null;
  kind: string;
  status: string;
  import_id: number | null;
  /** The importer's report as JSON text. */
  report: string;
}

/** Keeps the report of one import attempt; returns its id. */
export function saveImportReport(db: Db, entry: NewImportReport): number {
  const result = run(
    db,
    `INSERT INTO import_reports (received_at, request_id, kind, status, import_id, report)
     VALUES (@received_at, @request_id, @kind, @status, @import_id, @report)`,
    { ...entry },
  );
  return Number(result.lastInsertRowid);
}
