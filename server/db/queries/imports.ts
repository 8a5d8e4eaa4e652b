import { all, page, value, type Db } from '../gateway.js';
import type { ImportRow } from '../writes/imports.js';

export type { ImportRow };

const WHERE = '(@kind IS NULL OR kind = @kind)';

/** A page of the import record, newest first. */
export function importPage(db: Db, kind: string | null, limit: number, offset: number) {
  const total = value<number>(db, `SELECT count(*) FROM imports WHERE ${WHERE}`, { kind })!;
  const rows = page<ImportRow>(
    db,
    `SELECT id, kind, network_id, file_name, sha256, bytes, as_at, rows_read, rows_written, outcome, message,
       started_at, finished_at FROM imports WHERE ${WHERE} ORDER BY id DESC`,
    { kind },
    limit,
    offset,
  );
  return { rows, total };
}

/** The imports whose rows the registry holds now (later imports of the same list supersede earlier ones). */
export function committedImports(db: Db): ImportRow[] {
  return all<ImportRow>(
    db,
    `SELECT id, kind, network_id, file_name, sha256, bytes, as_at, rows_read, rows_written, outcome, message,
       started_at, finished_at FROM imports WHERE outcome = 'committed' ORDER BY id`,
  );
}
