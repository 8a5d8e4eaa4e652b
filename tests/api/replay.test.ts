// The one fast path (server/api/replay.ts): a read answered before is sent again as it was sent, and only then.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp;
let server: Server;
let base: string;
beforeAll(async () => {
  t = shippedCopyApp();
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.cleanup();
});

const PATH = '/api/v1/summary?network=teaching-schools&as_at=2018-03-12';
const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers });
const logged = () => t.requestLog.map((line) => JSON.parse(line) as { req: { id: string; url: string } });

describe('a read answered before', () => {
  it('is kept as it was sent for each Accept-Encoding, and sent again so, under its own id and log line', async () => {
    const first = await get(PATH, { 'Accept-Encoding': 'gzip', 'X-Request-Id': 'first' });
    const stamp = first.headers.get('etag')!;
    expect(t.answers.sent(stamp, PATH, 'gzip')).toBeDefined();
    expect(t.answers.sent(stamp, PATH, '')).toBeUndefined();
    const again = await get(PATH, { 'Accept-Encoding': 'gzip', 'X-Request-Id': 'again' });
    expect(again.headers.get('x-request-id')).toBe('again');
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(await again.text()).toBe(await first.text());
    expect(
      logged()
        .filter((l) => l.req.url === PATH)
        .map((l) => l.req.id),
    ).toEqual(['first', 'again']);
  });

  it('is never sent in an encoding the client did not ask for', async () => {
    await get(PATH, { 'Accept-Encoding': 'gzip' });
    const plain = await fetch(base + PATH, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.json()).schools_total).toBeGreaterThan(0);
  });

  it('still gets a 304 for its ETag, and a HEAD has no body', async () => {
    const first = await get(PATH);
    const revalidated = await get(PATH, { 'If-None-Match': first.headers.get('etag')! });
    expect(revalidated.status).toBe(304);
    const head = await fetch(base + PATH, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('judged as of today is not kept to be sent again (its max-age runs to midnight)', async () => {
    const version = (await (await get('/api/v1/version')).json()) as { v: string };
    const path = `/api/v1/progress?network=teaching-schools&v=${version.v}`;
    const first = await get(path);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(t.answers.sent(first.headers.get('etag')!, path, '')).toBeUndefined();
  });

  it('is kept per URL: a pinned and an unpinned URL of one answer keep their own Cache-Control', async () => {
    const { v } = (await (await get('/api/v1/version')).json()) as { v: string };
    const unpinned = '/api/v1/networks';
    const pinned = `${unpinned}?v=${v}`;
    for (const path of [unpinned, pinned, unpinned, pinned]) await get(path);
    expect((await get(unpinned)).headers.get('cache-control')).toMatch(/max-age=\d+, stale-while-revalidate/);
    expect((await get(pinned)).headers.get('cache-control')).toContain('immutable');
    // Today's progress, pinned, is never sent again from what the unpinned URL kept.
    await get('/api/v1/progress?network=teaching-schools');
    const today = await get(`/api/v1/progress?network=teaching-schools&v=${v}`);
    expect(today.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
  });

  it('costs room in the answer cache for each Accept-Encoding it was sent with, so memory stays bounded', async () => {
    const before = t.answers.count;
    for (let i = 0; i < 50; i++)
      await get(PATH, { 'Accept-Encoding': `gzip;q=1, x-${i}-${'a'.repeat(2000)}` });
    expect(t.answers.count - before).toBe(50);
    const stamp = (await get(PATH)).headers.get('etag')!;
    expect(t.answers.sent(stamp, PATH, `gzip;q=1, x-7-${'a'.repeat(2000)}`)?.bytes).toBeGreaterThan(2000);
  });

  it('naming a version that is no longer current is sent on to the current one, not replayed', async () => {
    const { v } = (await (await get('/api/v1/version')).json()) as { v: string };
    const pinned = `${PATH}&v=${v}`;
    expect((await get(pinned)).status).toBe(200);
    expect((await get(pinned)).status).toBe(200);
    t.db.exec(
      `INSERT INTO imports (kind, file_name, sha256, bytes, outcome, started_at, finished_at)
       VALUES ('test', 'x.csv', 'abc', 1, 'committed', '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z')`,
    );
    await new Promise((resolve) => setImmediate(resolve)); // the data version is read once per turn
    const moved = await fetch(base + pinned, { redirect: 'manual' });
    expect(moved.status).toBe(307);
    expect(moved.headers.get('location')).not.toContain(`v=${v}`);
  });
});
