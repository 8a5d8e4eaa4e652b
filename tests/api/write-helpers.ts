import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { inject } from 'vitest';
import { answerCache, type AnswerCache } from '../../server/api/reads/answer-cache.js';
import { createApp } from '../../server/api/app.js';
import { requestLogger } from '../../server/api/setup/request-log.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Db } from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';
import { dump } from '../helpers/db.js';

export const TOKEN = 'test-admin-token-0123456789';

export interface WritableApp {
  app: Express;
  config: Config;
  db: Db;
  path: string;
  /** Request log lines (JSON) the app wrote. */
  requestLog: string[];
  /** The app's answer cache. */
  answers: AnswerCache;
  cleanup: () => void;
}

/** The API over a writable copy of the shipped database, with ADMIN_TOKEN set unless env says otherwise. */
export function shippedCopyApp(env: Record<string, string | undefined> = {}): WritableApp {
  const dir = mkdtempSync(join(tmpdir(), 'registry-writes-'));
  const path = join(dir, 'registry.sqlite');
  copyFileSync(inject('shippedDb'), path);
  const config = loadConfig({ NODE_ENV: 'test', DB_PATH: path, ADMIN_TOKEN: TOKEN, ...env });
  const db = openDatabase(path);
  const requestLog: string[] = [];
  const logger = requestLogger('info', { write: (line: string) => void requestLog.push(line) });
  const answers = answerCache();
  const app = createApp({ db, config, log: () => undefined, logger, answers });
  return {
    app,
    config,
    db,
    path,
    requestLog,
    answers,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every table but the kept import reports, to prove an upload changed no data. */
export function registryTables(db: Db): Record<string, unknown[]> {
  const { import_reports: _, ...tables } = dump(db);
  return tables;
}
