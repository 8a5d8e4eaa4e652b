import type { Db } from '../db/gateway.js';
import { dataVersion } from '../db/queries/dataVersion.js';

// Derived structures (spatial indexes, adjacency) kept per database and data version: an import starts afresh.
const store = new WeakMap<Db, { stamp: string; values: Map<string, unknown> }>();
const MAX_ENTRIES = 64;

export function memo<T>(db: Db, key: string, compute: () => T): T {
  const version = dataVersion(db);
  const stamp = `${version.import_id}@${version.finished_at}`;
  let entry = store.get(db);
  if (!entry || entry.stamp !== stamp) {
    entry = { stamp, values: new Map() };
    store.set(db, entry);
  }
  if (entry.values.has(key)) return entry.values.get(key) as T;
  const value = compute();
  if (entry.values.size >= MAX_ENTRIES) entry.values.delete(entry.values.keys().next().value!);
  entry.values.set(key, value);
  return value;
}
