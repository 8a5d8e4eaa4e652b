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
