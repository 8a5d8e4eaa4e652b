// Issue 24: another SQLite client reading the database while the server runs and takes uploads (what an admin does
// with the sqlite3 shell, Python or Datasette) must never corrupt it. On POSIX, closing any descriptor of the file in
// the server's process drops every lock SQLite holds on it; the outside client then believes it is the last user and
// checkpoints and deletes the -wal and -shm under the server.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT, loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { DATA_DIR } from '../helpers/db.js';

const TOKEN = 'outside-reader-token-5f2c9a71e3';
const TEACHING_SCHOOLS = readFileSync(
  join(DATA_DIR, 'teaching-schools/nctl_teaching_schools_2018-03-12_raw.csv'),
);

let dir: string;
let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

async function serveCopy(): Promise<{ dbPath: string; base: string }> {
  dir = mkdtempSync(join(tmpdir(), 'registry-outside-'));
  const dbPath = join(dir, 'registry.sqlite');
  copyFileSync(inject('shippedDb'), dbPath);
  const config = loadConfig({ NODE_ENV: 'test', DB_PATH: dbPath, ADMIN_TOKEN: TOKEN, PORT: '0' });
  server = await startServer(config);
  return { dbPath, base: `http://127.0.0.1:${server.port}` };
}

async function upload(base: string, asAt: string, dryRun: boolean): Promise<number> {
  const form = new FormData();
  form.set('kind', 'teaching-schools');
  form.set('as_at', asAt);
  form.set('dry_run', String(dryRun));
  form.set('file', new Blob([TEACHING_SCHOOLS]), 'teaching-schools.csv');
  const res = await fetch(`${base}/api/v1/imports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}` },
    body: form,
  });
  await res.arrayBuffer();
  return res.status;
}

/** Another process, as an admin's SQLite client would: open, read, close. Returns the number of imports. */
function outsideRead(dbPath: string, sql = 'SELECT count(*) FROM imports'): string {
  const script = `const D = require('better-sqlite3'); const d = new D(process.argv[1]);
    const s = d.prepare(process.argv[2]);
    console.log(s.reader ? JSON.stringify(s.pluck().all()) : JSON.stringify(s.run().changes)); d.close();`;
  const child = spawnSync(process.execPath, ['-e', script, dbPath, sql], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the outside reader failed: ${child.stderr}`);
  return child.stdout.trim();
}

/** The POSIX locks this process holds on the file, from /proc/locks (Linux). */
function locksHeld(path: string): number {
  const inode = statSync(path).ino;
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[1] === 'POSIX' && Number(f[4]) === process.pid)
    .filter((f) => Number(f[5]?.split(':')[2]) === inode).length;
}

const linux = existsSync('/proc/locks');

describe('another SQLite client reading while the server takes uploads', () => {
  it('leaves the database whole, with every committed upload, and the server keeps its lock', async () => {
    const { dbPath, base } = await serveCopy();
    if (linux) expect(locksHeld(dbPath)).toBeGreaterThan(0);
    const before = Number(JSON.parse(outsideRead(dbPath))[0]);

    expect(await upload(base, '2019-01-01', true)).toBe(200);
    if (linux) expect(locksHeld(dbPath), 'lock after a dry run').toBeGreaterThan(0);
    outsideRead(dbPath);
    expect(await upload(base, '2019-01-01', false)).toBe(201);
    if (linux) expect(locksHeld(dbPath), 'lock after a commit').toBeGreaterThan(0);
    expect(Number(JSON.parse(outsideRead(dbPath))[0])).toBe(before + 1);
    expect(existsSync(`${dbPath}-wal`), 'the server is still using its WAL').toBe(true);
    expect(await upload(base, '2019-06-01', true)).toBe(200);
    outsideRead(dbPath);
    expect(await upload(base, '2019-06-01', false)).toBe(201);
    if (linux) expect(locksHeld(dbPath), 'lock after a second commit').toBeGreaterThan(0);
    expect(outsideRead(dbPath, 'PRAGMA integrity_check')).toBe('["ok"]');

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    await server!.close();
    server = null;
    expect(outsideRead(dbPath, 'PRAGMA integrity_check')).toBe('["ok"]');
    expect(Number(JSON.parse(outsideRead(dbPath))[0])).toBe(before + 2);
  }, 120_000);
});

async function expect503(res: Response, pattern: RegExp): Promise<void> {
  expect(res.status).toBe(503);
  const body = (await res.json()) as { error: { status: number; message: string } };
  expect(body.error.status).toBe(503);
  expect(body.error.message).toMatch(pattern);
}

describe('the database file removed or replaced under the running server', () => {
  it('answers 503 saying so, on /healthz and uploads, and never creates a new registry', async () => {
    const { dbPath, base } = await serveCopy();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
    await expect503(await fetch(`${base}/healthz`), /was removed while the server ran/);
    await expect503(await fetch(`${base}/api/v1/summary?network=hubs`), /was removed/);
    const form = new FormData();
    form.set('kind', 'teaching-schools');
    form.set('file', new Blob([TEACHING_SCHOOLS]), 'ts.csv');
    const res = await fetch(`${base}/api/v1/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    await expect503(res, /was removed/);
    expect(existsSync(dbPath), 'no registry is created at DB_PATH').toBe(false);
  }, 60_000);

  it('answers 503 once another file is moved in its place, and writes nothing into it', async () => {
    const { dbPath, base } = await serveCopy();
    const restored = join(dir, 'restored.sqlite');
    copyFileSync(inject('shippedDb'), restored);
    const importsBefore = outsideRead(restored);
    renameSync(restored, dbPath);
    await expect503(await fetch(`${base}/healthz`), /was replaced while the server ran/);
    expect(await upload(base, '2019-01-01', false)).toBe(503);
    expect(outsideRead(dbPath)).toBe(importsBefore);
  }, 60_000);
});

describe('/healthz after a query met an I/O or corruption error', () => {
  it('answers 503 naming the error, while it answered 200 before', async () => {
    const { dbPath, base } = await serveCopy();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // Clobber the second half of the file (the schema, early in it, stays), as a failing disk or a foreign writer
    // would, then change page 1 from outside so that the server drops its page cache: the next reads that need
    // those pages meet SQLITE_CORRUPT.
    const half = Math.floor(statSync(dbPath).size / 8192) * 4096;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(half, 0xa5), 0, half, half);
    closeSync(fd);
    outsideRead(dbPath, 'PRAGMA user_version = 7');
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${base}/api/v1/search?q=zq${i}x`);
      await res.arrayBuffer();
      if (res.status === 500) break;
    }
    await expect503(await fetch(`${base}/healthz`), /SQLITE_(CORRUPT|IOERR|NOTADB)/);
  }, 60_000);
});
