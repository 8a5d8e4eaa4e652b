import { type Db, all, one, run } from '../gateway.js';

export interface NewImport {
  kind: string;
  network_id: string | null;
  file_name: string;
  sha256: string;
  bytes: number;
  as_at: string | null;
}

export interface ImportRow extends NewImport {
  id: number;
  rows_read: number;
  rows_written: number;
  outcome: 'committed' | 'superseded';
  message: string | null;
  started_at: string;
  finished_at: string;
}

/** The committed import of this very file (same kind, checksum and as-at date), if any. */
export function findSameImport(
  db: Db,
  kind: string,
  sha256: string,
  asAt: string | null,
): ImportRow | undefined {
  return one<ImportRow>(
    db,
    `SELECT * FROM imports WHERE kind = ? AND sha256 = ? AND as_at IS ? AND outcome = 'committed'
     ORDER BY id DESC LIMIT 1`,
    [kind, sha256, asAt],
  );
}

export function beginImport(db: Db, entry: NewImport, startedAt: string): number {
  const result = run(
    db,
    `INSERT INTO imports (kind, network_id, file_name, sha256, bytes, as_at, outcome, started_at, finished_at)
     VALUES (@kind, @network_id, @file_name, @sha256, @bytes, @as_at, 'committed', @started_at, @started_at)`,
    { ...entry, started_at: startedAt },
  );
  return Number(result.lastInsertRowid);
}

export function finishImport(
  db: Db,
  id: number,
  counts: { rows_read: number; rows_written: number; message: string | null },
): void {
  run(
    db,
    `UPDATE imports SET rows_read = @rows_read, rows_written = @rows_written, message = @message,
     finished_at = @finished_at WHERE id = @id`,
    { ...counts, id, finished_at: new Date().toISOString() },
  );
}

/** Marks earlier imports whose rows a new import has replaced; their record stays. */
export function supersedeImports(db: Db, ids: number[]): void {
  for (const id of ids) run(db, `UPDATE imports SET outcome = 'superseded' WHERE id = ?`, [id]);
}

/** Committed imports of a kind (optionally of one network and as-at date) other than the given one. */
export function committedImports(
  db: Db,
  kind: string,
  filter: { network_id?: string; as_at?: string } = {},
): number[] {
  return all<{ id: number }>(
    db,
    `SELECT id FROM imports WHERE kind = @kind AND outcome = 'committed'
       AND (@network_id IS NULL OR network_id = @network_id) AND (@as_at IS NULL OR as_at = @as_at)`,
    { kind, network_id: filter.network_id ?? null, as_at: filter.as_at ?? null },
  ).map((row) => row.id);
}

export function listImports(db: Db): ImportRow[] {
  return all<ImportRow>(db, 'SELECT * FROM imports ORDER BY id');
}
