import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyRegistryApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeEach(() => {
  t = emptyRegistryApp();
});
afterEach(() => t.cleanup());

function addImport(t: TestApp, finishedAt: string): number {
  const result = t.db
    .prepare(
      `INSERT INTO imports (kind, file_name, sha256, bytes, outcome, started_at, finished_at)
       VALUES ('test', 'x.csv', 'abc', 1, 'committed', ?, ?)`,
    )
    .run(finishedAt, finishedAt);
  return Number(result.lastInsertRowid);
}

describe('/healthz', () => {
  it('says ok with no data version on an empty registry, and is never cached', async () => {
    const res = await request(t.app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', data_version: { import_id: null, finished_at: null } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  it('reports the latest import as the data version', async () => {
    addImport(t, '2024-01-01T00:00:00.000Z');
    const id = addImport(t, '2024-02-01T00:00:00.000Z');
    const res = await request(t.app).get('/healthz').expect(200);
    expect(res.body.data_version).toEqual({ import_id: id, finished_at: '2024-02-01T00:00:00.000Z' });
  });
});

describe('request id', () => {
  it('keeps a plain id the caller sent and makes one up otherwise', async () => {
    const kept = await request(t.app).get('/healthz').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const made = await request(t.app).get('/healthz').set('X-Request-Id', 'no spaces <allowed>');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('/api/v1/networks on an empty registry', () => {
  it('lists the three networks with no snapshots', async () => {
    const res = await request(t.app).get('/api/v1/networks').expect(200);
    expect(res.body.total).toBe(3);
    expect(res.body.rows.map((n: { id: string }) => n.id)).toEqual(['teaching-schools', 'nles', 'hubs']);
    expect(res.body.rows[0]).toMatchObject({ group_label: 'alliance', snapshot_dates: [], latest: null });
  });
});

describe('ETag from the data version', () => {
  it('answers 304 while the data is unchanged and 200 with a new ETag after an import', async () => {
    const first = await request(t.app).get('/api/v1/networks').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=30$/);

    const again = await request(t.app).get('/api/v1/networks').set('If-None-Match', etag).expect(304);
    expect(again.text).toBe('');
    await request(t.app).get('/api/v1/networks').set('If-None-Match', `"other", ${etag}`).expect(304);

    addImport(t, '2024-03-01T00:00:00.000Z');
    const after = await request(t.app).get('/api/v1/networks').set('If-None-Match', etag).expect(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('still validates the query before answering 304', async () => {
    const { headers } = await request(t.app).get('/api/v1/networks');
    await request(t.app)
      .get('/api/v1/networks?as_at=nope')
      .set('If-None-Match', headers.etag as string)
      .expect(400);
  });
});

describe('compression', () => {
  it('gzips large answers for clients that accept it', async () => {
    const res = await request(t.app).get('/api/openapi.json').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body.openapi).toBe('3.1.0'); // supertest unzips
  });

  it('sends plain answers to clients that do not', async () => {
    const res = await request(t.app).get('/api/openapi.json').set('Accept-Encoding', 'identity').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('CSV', () => {
  it('sends a table as an attachment with a UTF-8 CSV type', async () => {
    const res = await request(t.app).get('/api/v1/networks?format=csv&as_at=2018-03-12').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="networks-2018-03-12.csv"');
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('id,name,member_label,group_label,as_at,members,groups,snapshot_dates');
    expect(lines[1]).toBe('teaching-schools,Teaching schools,teaching school,alliance,,,,');
    expect(lines).toHaveLength(5); // header, three networks, and the final CRLF
  });
});
