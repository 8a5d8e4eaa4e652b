import Papa from 'papaparse';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/api/routes/index.js';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp;
afterEach(() => t.cleanup());

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and no X-Powered-By, on pages, data and errors alike', async () => {
    t = shippedCopyApp();
    for (const path of ['/api/docs', '/api/v1/networks', '/no/such/page']) {
      const res = await request(t.app).get(path);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval')/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['x-powered-by'], path).toBeUndefined();
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  // The headers helmet 8's defaults sent, pinned when one middleware of our own replaced it.
  it('sends the same isolation and sniffing headers on every answer', async () => {
    t = shippedCopyApp();
    for (const path of ['/api/v1/networks', '/healthz', '/no/such/page', '/?embed=1']) {
      const res = await request(t.app).get(path);
      expect(res.headers, path).toMatchObject({
        'cross-origin-opener-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      });
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
    }
    const page = await request(t.app).get('/no/such/page');
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';" +
        "img-src 'self' data: blob:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'none';" +
        "form-action 'self';frame-ancestors 'none'",
    );
  });

  it('opens CORS for reads under /api only, and never for writes', async () => {
    t = shippedCopyApp();
    const read = await request(t.app).get('/api/v1/networks').set('Origin', 'https://elsewhere.example');
    expect(read.headers['access-control-allow-origin']).toBe('*');
    expect(read.headers['access-control-expose-headers']).toBe('ETag,X-Request-Id,Content-Disposition');
    expect(read.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const outside = await request(t.app).get('/healthz').set('Origin', 'https://elsewhere.example');
    expect(outside.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(t.app)
      .options('/api/v1/imports')
      .set('Origin', 'https://elsewhere.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD');
    expect(preflight.headers['access-control-max-age']).toBe('600');
    expect(preflight.headers['access-control-allow-headers'] ?? '').not.toMatch(/authorization/i);
    const write = await request(t.app)
      .post('/api/v1/imports')
      .set('Origin', 'https://elsewhere.example')
      .set('Authorization', `Bearer ${TOKEN}`)
      .field('kind', 'hubs')
      .attach('file', Buffer.from('x'), 'x.csv');
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request logs', () => {
  it('log each request as JSON with its request id, and never the token', async () => {
    t = shippedCopyApp();
    await request(t.app)
      .post('/api/v1/imports?kind=hubs&dry_run=true&as_at=2021-09-01')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('X-Request-Id', 'trace-me-123')
      .set('Cookie', 'session=secret-cookie')
      .set('Content-Type', 'text/csv')
      .send('tsh_area,name,website,areas\n');
    const all = t.requestLog.join('');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('secret-cookie');
    const line = t.requestLog.map((l) => JSON.parse(l)).find((l) => l.req?.id === 'trace-me-123');
    expect(line).toMatchObject({ req: { method: 'POST' }, res: { statusCode: 200 } });
  });
});

// A spreadsheet runs a cell starting with = + - @ (or a tab or CR) as a formula.
const FORMULA = /^[=+@\t\r]|^-(?![\d.])/;

describe('CSV downloads', () => {
  it('neutralise formula cells that came in through an upload, on every route that offers CSV', async () => {
    t = shippedCopyApp();
    const evil = [
      'tsh_area,name,website,areas',
      'EE1,=HYPERLINK("http://evil.example"),www.a.example/,Braintree',
      'EE2,+SUM(1;2),www.b.example/,Chelmsford',
      'EE3,@cmd,www.c.example/,Harlow',
      'EE4,-2+3,www.d.example/,Uttlesford',
    ].join('\n');
    await request(t.app)
      .post('/api/v1/imports?kind=hubs&as_at=2026-10-01&confirm=removes-most')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'text/csv')
      .send(evil)
      .expect(201);
    const csvRoutes = apiRoutes().filter((r) => r.csv && !r.path.includes(':'));
    expect(csvRoutes.length).toBeGreaterThan(0);
    for (const route of csvRoutes) {
      for (const query of ['format=csv', 'format=csv&network=hubs']) {
        const res = await request(t.app).get(`${route.path}?${query}`);
        if (res.status !== 200) continue;
        const cells = Papa.parse<string[]>(res.text, { skipEmptyLines: true }).data.flat();
        expect(
          cells.filter((cell) => FORMULA.test(cell)),
          `${route.path}?${query}`,
        ).toEqual([]);
      }
    }
  });
});
