import type { Express } from 'express';
import { expect } from 'vitest';
import { createApp } from '../../server/api/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Db } from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';
import { tempDatabase } from '../helpers/db.js';
import { errorSchema } from '../../server/contract/errors.js';

export interface TestApp {
  app: Express;
  db: Db;
  config: Config;
  /** Lines the app wrote to its fault log. */
  logged: string[];
  cleanup: () => void;
}

/** The API over a fresh, migrated, empty registry in a temporary file. */
export function emptyRegistryApp(): TestApp {
  const temp = tempDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DB_PATH: temp.path });
  const logged: string[] = [];
  const app = createApp({ db: temp.db, config, log: (line) => logged.push(line) });
  return { app, db: temp.db, config, logged, cleanup: temp.cleanup };
}

/** Asserts the one error shape, with the given status. */
export function expectErrorShape(body: unknown, status: number): void {
  expect(body).toEqual({
    error: { status, message: expect.any(String), details: expect.any(Array) },
  });
  // And as the OpenAPI document's Error says: the schema the document is made from.
  expect(errorSchema.safeParse(body).error).toBeUndefined();
}

/** The API over the database built once per run from the shipped data (tests/global-setup.ts), read-only. */
export function shippedApp(dbPath: string): TestApp {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DB_PATH: dbPath });
  const db = openDatabase(dbPath, { readonly: true });
  const logged: string[] = [];
  const app = createApp({ db, config, log: (line) => logged.push(line) });
  return { app, db, config, logged, cleanup: () => db.close() };
}
