import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { keepCurrentVersion } from '../../server/db/versions.js';
import { emptyRegistryApp, expectErrorShape, shippedApp, type TestApp } from './helpers.js';

// What a shared cache (a CDN, nginx's proxy_cache) and a browser are told they may do with each kind of answer:
// tests/deploy/nginx.test.ts shows a real proxy doing it.

const IMMUTABLE = 'public, max-age=31536000, immutable';
const BRIEFLY = /^public, max-age=([1-9]|10), stale-while-revalidate=30$/;
/** A URL naming the current version: fresh a minute at most, then revalidated (it gains a note once replaced). */
const A_MINUTE = /^public, max-age=([1-9]|[1-5]\d|60)$/;

function addImport(t: TestApp, finishedAt: string): void {
  t.db
    .prepare(
      `INSERT INTO imports (kind, file_name, sha256, bytes, outcome, started_at, finished_at)
       VALUES ('test', 'x.csv', 'abc', 1, 'committed', ?, ?)`,
    )
    .run(finishedAt, finishedAt);
}

describe('URLs pinned to a data version (v)', () => {
  let t: TestApp;
  beforeEach(() => {
    t = emptyRegistryApp();
  });
  afterEach(() => t.cleanup());

  const version = async () => (await request(t.app).get('/api/v1/version').expect(200)).body.v as string;

  it('names the data version only (never the code); briefly fresh itself, like every unversioned answer', async () => {
    expect((await request(t.app).get('/api/v1/version').expect(200)).body.v).toBe('0');
    addImport(t, '2024-02-01T10:20:30.456Z');
    const res = await request(t.app).get('/api/v1/version').expect(200);
    expect(res.body.v).toBe('1.20240201102030');
    expect(res.body.data_version).toEqual({ import_id: 1, finished_at: '2024-02-01T10:20:30.456Z' });
    expect(res.headers['cache-control']).toMatch(BRIEFLY);
    expect(res.headers.etag).toMatch(/^W\/".+"$/);
  });

  it('keeps an answer whose URL names the current version a minute, then revalidates its ETag', async () => {
    const v = await version();
    const res = await request(t.app).get(`/api/v1/networks?as_at=2018-03-12&v=${v}`).expect(200);
    expect(res.headers['cache-control']).toMatch(A_MINUTE);
    expect(res.headers.etag).toMatch(/^W\/".+"$/);
    await request(t.app)
      .get(`/api/v1/networks?as_at=2018-03-12&v=${v}`)
      .set('If-None-Match', res.headers.etag!)
      .expect(304);
    const unpinned = await request(t.app).get('/api/v1/networks?as_at=2018-03-12').expect(200);
    expect(unpinned.text).toBe(res.text);
    expect(unpinned.headers['cache-control']).toMatch(BRIEFLY);
  });

  it('answers a v that names no kept version 404, in the one error shape, never cacheable', async () => {
    const old = await version();
    addImport(t, '2024-03-01T00:00:00.000Z'); // written behind the importer's back: nothing kept
    expect(await version()).not.toBe(old);
    for (const query of [`v=${old}`, 'v=nope', `v=${old}&v=${old}`, 'v=', 'v=../registry']) {
      const res = await request(t.app).get(`/api/v1/snapshots?${query}`).expect(404);
      expectErrorShape(res.body, 404);
      expect(res.body.error.message).toContain('is not kept');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    }
  });

  it('keeps progress pinned to the current version a minute at most, judged as of today or not', async () => {
    const v = await version();
    const today = await request(t.app).get(`/api/v1/progress?network=hubs&v=${v}`).expect(200);
    const seconds = Number(/^public, max-age=(\d+)$/.exec(today.headers['cache-control'] ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    const dated = await request(t.app).get(`/api/v1/progress?network=hubs&as_at=2024-01-01&v=${v}`);
    expect(dated.headers['cache-control']).toMatch(A_MINUTE);
  });

  it('keeps an answer on a replaced version for a year (judged as of today: until the day ends)', async () => {
    addImport(t, '2024-02-01T10:20:30.456Z');
    const old = await version();
    keepCurrentVersion(t.db); // what an import does before it begins
    addImport(t, '2024-03-01T00:00:00.000Z');
    const dated = await request(t.app)
      .get(`/api/v1/progress?network=hubs&as_at=2024-01-01&v=${old}`)
      .expect(200);
    expect(dated.headers['cache-control']).toBe(IMMUTABLE);
    expect(dated.body.provenance.newer_data).toEqual({
      v: await version(),
      import_id: 2,
      date: '2024-03-01',
    });
    const today = await request(t.app).get(`/api/v1/progress?network=hubs&v=${old}`).expect(200);
    expect(today.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(today.body.provenance.latest_url).toBe('/api/v1/progress?network=hubs');
  });

  it('never caches what must be fresh: /healthz, errors, an unknown parameter, a write', async () => {
    const v = await version();
    expect((await request(t.app).get('/healthz')).headers['cache-control']).toBe('no-store');
    const bad = await request(t.app).get(`/api/v1/summary?as_at=nope&v=${v}`).expect(400);
    expect(bad.headers['cache-control']).toBe('no-store');
    expect(bad.headers.etag).toBeUndefined();
    const write = await request(t.app).post('/api/v1/imports').expect(403);
    expect(write.headers['cache-control']).toBe('no-store');
  });
});

describe('negotiation and revalidation on the shipped data', () => {
  let t: TestApp;
  beforeAll(() => {
    t = shippedApp(inject('shippedDb'));
  });
  afterAll(() => t.cleanup());

  it('says Vary: Accept-Encoding on an answer that could be gzipped, also to a client that took it plain', async () => {
    const plain = await request(t.app)
      .get('/api/v1/coverage?region=North%20East')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.text.length).toBeGreaterThan(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const again = await request(t.app)
      .get('/api/v1/coverage?region=North%20East')
      .set({ 'Accept-Encoding': 'identity', 'If-None-Match': plain.headers.etag! })
      .expect(304);
    expect(again.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('answers 304 only for a resource that exists: an ETag of the same data does not hide a 404', async () => {
    const area = await request(t.app).get('/api/v1/council-areas/921').expect(200);
    const etag = area.headers.etag!;
    await request(t.app).get('/api/v1/council-areas/921').set('If-None-Match', etag).expect(304);
    const missing = await request(t.app)
      .get('/api/v1/council-areas/999')
      .set('If-None-Match', etag)
      .expect(404);
    expectErrorShape(missing.body, 404);
    await request(t.app).get('/api/v1/council-areas/999').set('If-None-Match', '*').expect(404);
  });
});
