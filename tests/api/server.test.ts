import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/main.js';

let dir: string;
let running: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'registry-server-'));
  running = await startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', DB_PATH: join(dir, 'r.sqlite') }));
});
afterAll(async () => {
  await running.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('serves the API on a real port over HTTP, gzip and all', async () => {
    expect(running.port).toBeGreaterThan(0);
    const health = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      data_version: { import_id: null, finished_at: null },
    });

    const doc = await fetch(`http://127.0.0.1:${running.port}/api/openapi.json`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(doc.headers.get('content-encoding')).toBe('gzip');
    expect((await doc.json()).openapi).toBe('3.1.0');

    const missing = await fetch(`http://127.0.0.1:${running.port}/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.status).toBe(404);
  });

  it('closes the server and the database once, however often asked', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'registry-server-'));
    const other = await startServer(
      loadConfig({ NODE_ENV: 'test', PORT: '0', DB_PATH: join(dir2, 'r.sqlite') }),
    );
    await Promise.all([other.close(), other.close()]);
    expect(other.server.listening).toBe(false);
    await expect(fetch(`http://127.0.0.1:${other.port}/healthz`)).rejects.toThrow();
    rmSync(dir2, { recursive: true, force: true });
  });
});
