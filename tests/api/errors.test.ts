import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyRegistryApp, expectErrorShape, type TestApp } from './helpers.js';
import { TOKEN, shippedCopyApp } from './write-helpers.js';

let t: TestApp;
beforeEach(() => {
  t = emptyRegistryApp();
});
afterEach(() => t.cleanup());

describe('400: parameters', () => {
  it('names an impossible date', async () => {
    const res = await request(t.app).get('/api/v1/networks?as_at=2014-02-31').expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.error.message).toBe("as_at: '2014-02-31' is not a date");
    expect(res.body.error.details).toEqual([
      { parameter: 'as_at', value: '2014-02-31', message: "as_at: '2014-02-31' is not a date" },
    ]);
  });

  it('leaves out the value of a parameter not given, as the documented error shape allows', async () => {
    const res = await request(t.app).get('/api/v1/snapshots/diff?to=2019-01-01').expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.error.details[0]).toEqual({
      parameter: 'from',
      message: expect.stringMatching(/^from: /),
    });
  });

  it('says what form a date takes', async () => {
    const res = await request(t.app).get('/api/v1/networks?as_at=12/03/2018').expect(400);
    expect(res.body.error.message).toBe("as_at: '12/03/2018' is not a date (expected YYYY-MM-DD)");
  });

  it('names an unknown format and lists the known ones', async () => {
    const res = await request(t.app).get('/api/v1/networks?format=xlsx').expect(400);
    expect(res.body.error.message).toBe("format: 'xlsx' is not one of json, csv");
  });

  it('refuses a parameter given twice', async () => {
    const res = await request(t.app).get('/api/v1/networks?as_at=2014-01-01&as_at=2015-01-01').expect(400);
    expect(res.body.error.message).toBe('as_at: given 2 times; give it once');
  });

  it('names an unknown parameter and lists the known ones', async () => {
    const res = await request(t.app).get('/api/v1/networks?asat=2014-01-01').expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.error.message).toBe('asat: unknown parameter; this route takes as_at, format');
    expect(res.body.error.details[0]).toMatchObject({ parameter: 'asat', value: '2014-01-01' });
  });

  it('lists every problem at once', async () => {
    const res = await request(t.app).get('/api/v1/networks?as_at=x&format=y').expect(400);
    expect(res.body.error.details.map((d: { parameter: string }) => d.parameter)).toEqual([
      'as_at',
      'format',
    ]);
  });

  it('never reads a body no route takes: malformed JSON to a read route is a 405, not a parse', async () => {
    const res = await request(t.app)
      .post('/api/v1/networks')
      .set('Content-Type', 'application/json')
      .send('{"a":')
      .expect(405);
    expectErrorShape(res.body, 405);
  });
});

describe('404 and 405', () => {
  it('answers an unknown route in the error shape', async () => {
    const res = await request(t.app).get('/api/v1/nope').expect(404);
    expectErrorShape(res.body, 404);
    expect(res.body.error.message).toBe('no such route: GET /api/v1/nope');
    expect(res.headers.etag).toBeUndefined();
  });

  it('answers another method on a known route with 405 and Allow', async () => {
    const res = await request(t.app).delete('/api/v1/networks').expect(405);
    expectErrorShape(res.body, 405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});

describe('413', () => {
  it('refuses an upload over the limit in the error shape', async () => {
    const writable = shippedCopyApp({ UPLOAD_LIMIT_MB: '0.001' });
    try {
      const res = await request(writable.app)
        .post('/api/v1/imports?kind=hubs&as_at=2026-01-01')
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'text/csv')
        .send('x'.repeat(2000))
        .expect(413);
      expectErrorShape(res.body, 413);
      expect(res.body.error.message).toBe(
        'the upload is larger than the limit of 1049 bytes (UPLOAD_LIMIT_MB)',
      );
    } finally {
      writable.cleanup();
    }
  });
});

describe('500', () => {
  it('hides an internal fault from the client and logs it with the request id and the SQL', async () => {
    t.db.close(); // every query now fails inside the gateway
    const res = await request(t.app).get('/api/v1/networks').set('X-Request-Id', 'req-500-test').expect(500);
    expect(res.body).toEqual({ error: { status: 500, message: 'Internal server error', details: [] } });
    expect(res.text).not.toMatch(/sqlite|SELECT|database|stack|at \w+ \(/i);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(t.logged).toHaveLength(1);
    expect(t.logged[0]).toContain('[req-500-test] GET /api/v1/networks -> 500');
    expect(t.logged[0]).toMatch(/sql: SELECT id AS import_id, finished_at FROM imports/);
    expect(t.logged[0]).toContain('params: []');
  });
});
