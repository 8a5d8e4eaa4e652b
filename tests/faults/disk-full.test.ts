// An import on a disk that fills up: a real filesystem of a fixed size (tmpfs, mounted by root), holding a copy
// of the shipped database and room for a little more. The import fails and loses nothing; its attempt is kept.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/api/app.js';
import { loadConfig } from '../../server/config.js';
import { databaseInfo } from '../../server/db/queries/info.js';
import { openDatabase } from '../../server/db/open.js';
import { DATA_DIR } from '../helpers/db.js';

const TOKEN = 'disk-full-test-token-8f3a91c2';
const dir = mkdtempSync(join(tmpdir(), 'registry-full-'));

function mountSmall(bytes: number): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
}

const shipped = inject('shippedDb');
const cannotMount =
  process.getuid?.() === 0 ? mountSmall(statSync(shipped).size + 2 * 1024 * 1024) : 'not root';
if (cannotMount !== null) console.log(`disk-full test skipped: no tmpfs of a fixed size (${cannotMount})`);

afterAll(() => {
  if (cannotMount === null) execFileSync('umount', ['-l', dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(cannotMount !== null)('an import when the disk fills up', () => {
  it('answers 503, loses nothing, and keeps the report of the attempt', async () => {
    const dbPath = join(dir, 'registry.sqlite');
    copyFileSync(shipped, dbPath);
    const db = openDatabase(dbPath);
    const before = databaseInfo(db);
    const app = createApp({
      db,
      config: loadConfig({ NODE_ENV: 'test', DB_PATH: dbPath, ADMIN_TOKEN: TOKEN }),
      log: () => undefined,
    });
    try {
      const file = readFileSync(join(DATA_DIR, 'establishments/gias_open_establishments_2018-03-12.csv'));
      const res = await request(app)
        .post('/api/v1/imports?kind=establishments&as_at=2019-01-01')
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'text/csv')
        .send(file)

        .expect(503);
      expect(res.body.error.message).toMatch(/the database cannot be written \(SQLITE_FULL/);
      expect(res.headers.location).toMatch(/^\/api\/v1\/imports\/\d+$/);
      const kept = await request(app).get(res.headers.location!).expect(200);
      expect(kept.body.report).toMatchObject({ status: 'rejected', kind: 'establishments', rows_written: 0 });
      expect(kept.body.report.errors[0].message).toMatch(/^the database could not be written \(SQLITE_FULL/);
      expect(kept.body.request_id).toBe(res.headers['x-request-id']);
      const after = databaseInfo(db);
      expect({ ...after, integrity_check: before.integrity_check }).toEqual(before);
      expect(after.integrity_check).toBe('ok');
    } finally {
      db.close();
    }
  }, 60_000);
});
