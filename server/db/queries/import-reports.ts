import { type Db, one } from '../gateway.js';

export interface StoredImportReport {
  id: number;
  received_at: string;
  request_id: string | null;
  /** The importer's report as JSON text. */
  report: string;
}

export function importReport(db: Db, id: number): StoredImportReport | undefined {
  return one<StoredImportReport>(
    db,
    'SELECT id, received_at, request_id, report FROM import_reports WHERE id = ?',
    [id],
  );
}
