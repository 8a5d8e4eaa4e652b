// Debian's nginx with the repository's configuration (deploy/nginx/) in front of a real server on a copy of the
// shipped data: the headers a client gets through it, a second request for a pinned URL answered without the
// origin (counted from the origin's request log), writes and the admin view never kept, new data after an import.
// vitest.config.ts leaves this file out, with one line, where no nginx is found, and fails under CI=true.
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRESH_S } from '../../server/api/cache-control.js';
import { CLIENT_DIR } from '../../server/paths.js';
import { startNginx, type Edge } from '../../scripts/edge/nginx.js';
import { shippedCopyApp, TOKEN, type WritableApp } from '../api/write-helpers.js';
import { rawConnection } from '../helpers/raw-http.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const A_MINUTE = /^public, max-age=([1-9]|[1-5]\d|60)$/;
const FIXTURE = join(import.meta.dirname, '../fixtures/networks/teaching-schools-2014.csv');

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request as a client sends it: only the headers given (no Accept-Encoding unless given), nothing unzipped. */
function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, base),
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (got: Got) =>
  JSON.parse((got.headers['content-encoding'] === 'gzip' ? gunzipSync(got.body) : got.body).toString('utf8'));

describe('the registry behind nginx', () => {
  let t: WritableApp;
  let origin: Server;
  let direct: string;
  let edge: Edge;
  const get = (path: string, headers: Record<string, string> = {}) => send(edge.url, path, { headers });

  /** Requests that reached the origin for exactly this method and URL, from its request log. */
  async function originHits(url: string, method = 'GET'): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 20)); // a line is written as its response closes
    return t.requestLog
      .map((line) => JSON.parse(line) as { req: { method: string; url: string } })
      .filter((entry) => entry.req.method === method && entry.req.url === url).length;
  }

  const upload = (dryRun: boolean) =>
    send(
      edge.url,
      `/api/v1/imports?kind=teaching-schools&as_at=2018-04-01&confirm=removes-most&dry_run=${dryRun}`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/csv' },
        body: readFileSync(FIXTURE),
      },
    );

  beforeAll(async () => {
    // Behind nginx the server believes its X-Forwarded-For, so that readers are told apart (README, TRUST_PROXY).
    t = shippedCopyApp({ TRUST_PROXY: 'loopback' });
    origin = await new Promise<Server>((resolve) => {
      const s = createServer(t.app).listen(0, '127.0.0.1', () => resolve(s));
    });
    const { port } = origin.address() as AddressInfo;
    direct = `http://127.0.0.1:${port}`;
    edge = await startNginx({ origin: `127.0.0.1:${port}`, clientDir: CLIENT_DIR });
  });
  afterAll(async () => {
    await edge?.stop();
    await new Promise((resolve) => (origin ? origin.close(resolve) : resolve(undefined)));
    t?.cleanup();
  });

  it('keeps an answer pinned to the current version a minute, asks the origin once, gzips or unzips', async () => {
    const { v } = json(await get('/api/v1/version'));
    const url = `/api/v1/coverage?network=teaching-schools&as_at=2018-03-12&v=${v}`;
    const first = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toMatch(A_MINUTE);
    expect(first.headers).toMatchObject({
      'content-encoding': 'gzip',
      'x-cache-status': 'MISS',
    });
    expect(first.headers.vary).toMatch(/Accept-Encoding/);
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    expect(first.headers['content-security-policy']).toBeDefined(); // the origin's headers come through

    const again = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(again.headers['x-cache-status']).toBe('HIT');
    expect(again.body.equals(first.body)).toBe(true);
    const plain = await get(url);
    expect(plain.headers['x-cache-status']).toBe('HIT');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.headers['cache-control']).toBe(first.headers['cache-control']);
    expect(plain.body.equals(gunzipSync(first.body))).toBe(true);
    const head = await send(edge.url, url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await originHits(url)).toBe(1);
  });

  it('keeps an unpinned answer a few seconds, with stale-while-revalidate and its ETag', async () => {
    const url = '/api/v1/summary?network=hubs&region=London';
    const first = await get(url);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=30$/);
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    const again = await get(url, { 'If-None-Match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(await originHits(url)).toBe(1);
  });

  it('revalidates the page (a 304 for its ETag), never keeps the admin view, and serves the assets from disk', async () => {
    const page = await get('/?view=map');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toBeDefined();
    expect((await get('/?view=map', { 'If-None-Match': page.headers.etag! })).status).toBe(304);

    for (let i = 0; i < 2; i++) expect((await get('/?view=admin')).headers['cache-control']).toBe('no-store');
    expect(await originHits('/?view=admin')).toBe(2);

    const asset = readdirSync(join(CLIENT_DIR, 'assets')).find((name) => name.endsWith('.js'))!;
    const fromDisk = await get(`/assets/${asset}`, { 'Accept-Encoding': 'gzip' });
    const fromOrigin = await send(direct, `/assets/${asset}`);
    expect(fromDisk.status).toBe(200);
    expect(fromDisk.headers['cache-control']).toBe(fromOrigin.headers['cache-control']);
    expect(fromDisk.headers['cache-control']).toBe(IMMUTABLE);
    expect(await originHits(`/assets/${asset}`)).toBe(1); // only the direct request above
  });

  it('never keeps a write: each upload, and each report of one, reaches the origin', async () => {
    const path = '/api/v1/imports?kind=teaching-schools&as_at=2018-04-01&confirm=removes-most&dry_run=true';
    const first = await upload(true);
    const second = await upload(true);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(await originHits(path, 'POST')).toBe(2);
    const report = `/api/v1/imports/${json(first).id}`;
    for (let i = 0; i < 2; i++) expect((await get(report)).headers['cache-control']).toBe('no-store');
    expect(await originHits(report)).toBe(2);
  });

  it("on a port of its own, the page's oEmbed link names that port and oEmbed answers for the page", async () => {
    expect(edge.port).not.toBe(80);
    const base = `http://127.0.0.1:${edge.port}`;
    const page = await send(edge.url, '/?view=map', { headers: { Host: `127.0.0.1:${edge.port}` } });
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/
      .exec(page.body.toString('utf8'))?.[1]
      ?.replace(/&amp;/g, '&');
    expect(href).toBe(`${base}/api/oembed?url=${encodeURIComponent(`${base}/?view=map`)}`);
    const answer = await get(href!.slice(base.length));
    expect(answer.status).toBe(200);
    // Pinned to the data version and the date it shows now (issue 28).
    expect(json(answer).html).toMatch(
      new RegExp(
        `src="${base.replace(/\./g, '\\.')}/\\?view=map&amp;v=[0-9.]+&amp;as_at=[0-9-]+&amp;embed=1"`,
      ),
    );
  });

  it('holds at most 32 requests at once from one address: the 33rd gets 429 in the error shape', async () => {
    // Each request sends its headers and none of the body it announces: nginx holds it, reading the body.
    const held = 'POST /held HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n';
    const connections = [];
    for (let i = 0; i < 32; i++) {
      const c = await rawConnection(edge.port);
      c.socket.write(held);
      connections.push(c);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connections.filter((c) => c.received() !== '')).toHaveLength(0);
    const extra = await rawConnection(edge.port);
    extra.socket.write(held);
    const answer = await extra.until(/\r\n\r\n\{.*\}$/s);
    expect(answer).toMatch(/^HTTP\/1\.1 429 /);
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toEqual({
      error: { status: 429, message: expect.stringContaining('at most 32'), details: [] },
    });
    for (const c of [...connections, extra]) c.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await get('/healthz')).status).toBe(200);
  });

  it('after an import through nginx: readers see the new data within seconds, an old v keeps its own', async () => {
    const { v: old } = json(await get('/api/v1/version'));
    const unpinned = '/api/v1/summary?network=teaching-schools';
    const kept = `${unpinned}&v=${old}`;
    expect(json(await get(kept)).members).toBe(808);
    expect(json(await get(unpinned)).members).toBe(808);

    const committed = await upload(false);
    expect(committed.status).toBe(201);
    const committedAt = Date.now();
    // The admin's page, after its own import, asks past every cache (fetch's cache: 'reload'): the new version.
    const reload = { Pragma: 'no-cache', 'Cache-Control': 'no-cache' };
    expect(json(await get('/api/v1/version', reload)).v).not.toBe(old);
    expect((await get(`${unpinned}&v=${old}`, reload)).status).toBe(200); // elsewhere the kept copy: old data

    // A pinned answer already kept keeps its figures (kept here a minute, then revalidated: it gains its note); a
    // URL naming the old version that nobody asked for before is answered by the server from the version's kept
    // copy, once, immutable, saying in its body and headers which version replaced it.
    expect(json(await get(kept)).members).toBe(808);
    const notKept = `/api/v1/summary?network=teaching-schools&region=London&v=${old}`;
    const first = await get(notKept);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe(IMMUTABLE);
    expect(first.headers['x-data-note']).toMatch(/^Data as of .+\. Newer data: /);
    expect(json(first).provenance).toMatchObject({
      note: first.headers['x-data-note'],
      latest_url: '/api/v1/summary?network=teaching-schools&region=London',
    });
    expect((await get(notKept)).status).toBe(200);
    expect(await originHits(notKept)).toBe(1);

    // What a page loaded now pins to, and an unpinned read: the new data within FRESH_S seconds.
    const seen = async () => {
      const { v } = json(await get('/api/v1/version'));
      return v === old ? null : (json(await get(`${unpinned}&v=${v}`)).members as number);
    };
    let pinnedMembers: number | null = null;
    let members = 808;
    while ((pinnedMembers === null || members === 808) && Date.now() - committedAt < (FRESH_S + 5) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      pinnedMembers ??= await seen();
      members = json(await get(unpinned)).members as number;
    }
    expect([pinnedMembers, members]).toEqual([3, 3]);
    expect(Date.now() - committedAt).toBeLessThanOrEqual((FRESH_S + 2) * 1000);
    expect(edge.errors()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  }, 30_000);
});
