import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';
import { databaseInfo } from '../../server/db/queries/info.js';
import { openDatabase } from '../../server/db/open.js';
import { DATA_DIR } from '../helpers/db.js';

// The database (file and directory) turns read-only under a running server. Root ignores file modes through two
// capabilities, so when the tests run as root the server runs as root without them (setpriv, util-linux): the
// modes then bind it as they bind any user. It stays root, the owner of the checkout, so a checkout other users
// cannot enter (/root, mode 700) still runs; a server run as nobody could not read it.
const TOKEN = 'readonly-test-token-123456';
const asRoot = process.getuid?.() === 0;
const IGNORE_MODES = ['-dac_override', '-dac_read_search'].join(',');

const dir = mkdtempSync(join(tmpdir(), 'registry-readonly-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

function setMode(mode: number, dirMode: number) {
  for (const name of readdirSync(dir)) chmodSync(join(dir, name), mode);
  chmodSync(dir, dirMode);
}

describe('an import while the database is read-only', () => {
  it('answers a clear error and loses nothing', async () => {
    const dbPath = join(dir, 'registry.sqlite');
    copyFileSync(inject('shippedDb'), dbPath);
    const db = openDatabase(dbPath, { readonly: true });
    const before = databaseInfo(db);
    db.close();
    const node = [process.execPath, '--import', 'tsx', join(PROJECT_ROOT, 'tests/faults/serve-child.ts')];
    const command = asRoot
      ? ['setpriv', `--bounding-set=${IGNORE_MODES}`, `--inh-caps=${IGNORE_MODES}`, '--', ...node]
      : node;
    child = spawn(command[0]!, command.slice(1), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DB_PATH: dbPath, PORT: '0', NODE_ENV: 'test', ADMIN_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const match = /PORT (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child!.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    });

    setMode(0o444, 0o555);
    const form = new FormData();
    form.set('kind', 'hubs');
    form.set('as_at', '2024-01-01');
    form.set(
      'file',
      new Blob([readFileSync(join(DATA_DIR, 'hubs/teaching_school_hubs_2025-09-30.csv'))]),
      'hubs.csv',
    );
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    const body = (await res.json()) as { error: { status: number; message: string } };
    expect(res.status, JSON.stringify(body)).toBe(503);
    expect(body.error.message).toMatch(/cannot be written.*nothing was imported/);
    // Reads go on.
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/networks`)).status).toBe(200);

    child.kill('SIGTERM');
    await new Promise((resolve) => child!.on('exit', resolve));
    setMode(0o644, 0o755);
    const after = openDatabase(dbPath);
    expect(after.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(databaseInfo(after)).toEqual(before);
    after.close();
  }, 60_000);
});
