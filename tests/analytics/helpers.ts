import { inject } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';

/** The database built from the shipped data once per run, opened read-only. */
export function shippedDb(): Db {
  return openDatabase(inject('shippedDb'), { readonly: true });
}
