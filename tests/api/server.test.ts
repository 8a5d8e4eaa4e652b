import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/open.js';
import { startServer, type RunningServer } from '../../server/main.js';

let dir: string;
let running: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'registry-server-'));
  // The server never creates a database (issue 24): an empty registry is made first, as db:build would.
  openDatabase(join(dir, 'r.sqlite'), { create: true }).close();
  running = await startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', DB_PATH: join(dir, 'r.sqlite') }));
});
afterAll(async () => {
  await running.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('refuses a database that does not exist instead of creating an empty one', async () => {
    await expect(
      startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', DB_PATH: join(dir, 'missing.sqlite') })),
    ).rejects.toThrow(/does not exist/);
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
  });

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

  it('sends a repeated read with its header names written as the first time (ETag, not etag)', async () => {
    const rawNames = (path: string) =>
      new Promise<string[]>((resolve, reject) => {
        httpGet(`http://127.0.0.1:${running.port}${path}`, (res) => {
          res.resume();
          resolve(
            res.rawHeaders.filter((_, i) => i % 2 === 0).filter((n) => !/^(date|x-request-id)$/i.test(n)),
          );
        }).on('error', reject);
      });
    const path = '/api/v1/snapshots';
    const first = await rawNames(path);
    expect(first).toContain('ETag');
    expect(await rawNames(path)).toEqual(first);
  });

  it('answers a repeated read as the first time, headers and all, under its own request id, on a real port', async () => {
    const url = `http://127.0.0.1:${running.port}/api/v1/networks`;
    const get = (id: string, encoding: string) =>
      fetch(url, { headers: { 'X-Request-Id': id, 'Accept-Encoding': encoding } });
    const headersOf = (res: Response) =>
      Object.fromEntries([...res.headers].filter(([name]) => name !== 'date' && name !== 'x-request-id'));
    for (const encoding of ['gzip', 'identity']) {
      const first = await get('first', encoding);
      const again = await get('again', encoding);
      expect(again.status).toBe(200);
      expect(headersOf(again)).toEqual(headersOf(first));
      expect(again.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(again.headers.get('x-request-id')).toBe('again');
      expect(await again.text()).toBe(await first.text());
    }
    const conditional = await fetch(url, {
      headers: { 'If-None-Match': (await get('etag', 'gzip')).headers.get('etag')! },
    });
    expect(conditional.status).toBe(304);
  });

  it('closes the server and the database once, however often asked', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'registry-server-'));
    openDatabase(join(dir2, 'r.sqlite'), { create: true }).close();
    const other = await startServer(
      loadConfig({ NODE_ENV: 'test', PORT: '0', DB_PATH: join(dir2, 'r.sqlite') }),
    );
    await Promise.all([other.close(), other.close()]);
    expect(other.server.listening).toBe(false);
    await expect(fetch(`http://127.0.0.1:${other.port}/healthz`)).rejects.toThrow();
    rmSync(dir2, { recursive: true, force: true });
  });
});
