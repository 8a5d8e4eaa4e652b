import { one, type Db } from '../gateway.js';

/** What the data last changed by: the latest import. Both null on a database nothing was imported into. */
export interface DataVersion {
  import_id: number | null;
  finished_at: string | null;
}

export function dataVersion(db: Db): DataVersion {
  const row = one<DataVersion>(
    db,
    'SELECT id AS import_id, finished_at FROM imports ORDER BY id DESC LIMIT 1',
  );
  return row ?? { import_id: null, finished_at: null };
}

/**
 * The `v` that names a data version in a URL: the import's id and when it finished, to the second
 * ('12.20261123101947'); '0' before any import. It changes when an import commits, never with a deploy.
 */
export function versionToken(version: DataVersion): string {
  if (version.import_id === null) return '0';
  return `${version.import_id}.${(version.finished_at ?? '').replace(/\D/g, '').slice(0, 14)}`;
}

/**
 * The data version that replaced the one named `v`: the first import after it. Once it exists it never changes,
 * so an answer on `v` may name it and stay the same for ever. Null while `v` is the current version.
 */
export function nextDataVersion(db: Db, v: string): DataVersion | null {
  const row = one<DataVersion>(
    db,
    'SELECT id AS import_id, finished_at FROM imports WHERE id > ? ORDER BY id LIMIT 1',
    [Number(v.split('.')[0])],
  );
  return row ?? null;
}
