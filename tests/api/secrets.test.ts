import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, redactUrl } from '../../server/api/secrets.js';
import { expectErrorShape } from './helpers.js';
import { TOKEN, shippedCopyApp, type WritableApp } from './write-helpers.js';

let t: WritableApp;
afterEach(() => t.cleanup());

describe('credentials in the URL', () => {
  it.each([
    ['/api/v1/networks?token=SECRET-VALUE-1234', 'token'],
    ['/api/v1/summary?network=hubs&access_token=SECRET-VALUE-1234', 'access_token'],
    ['/api/v1/imports?api_key=SECRET-VALUE-1234', 'api_key'],
    [`/api/v1/networks?asat=${TOKEN}`, 'asat'],
    [`/api/v1/council-areas/${TOKEN}`, 'path'],
    [`/api/v1/summary?q=${TOKEN}`, 'q'],
    [`/api/v1/summary?q=before-${TOKEN}-after`, 'q'],
    [`/api/v1/summary?${TOKEN}=1`, 'query'],
    [`/api/v1/summary?${TOKEN}`, 'query'],
    [`/?${TOKEN}`, 'query'],
    [`/?view=map&${TOKEN}`, 'query'],
    [`/${TOKEN}`, 'path'],
    [`/api/v1/council-areas/${encodeURIComponent(TOKEN).replace(/t/g, '%74')}`, 'path'],
    [`/api/v1/summary?q=${encodeURIComponent(encodeURIComponent(TOKEN).replace(/t/g, '%74'))}`, 'q'],
    [`/api/v1/summary?network=hubs&as%5Fat=${TOKEN.replace(/-/g, '%2D')}`, 'as_at'],
  ])('%s is refused, naming the parameter and never the value; the log keeps no value', async (url, name) => {
    t = shippedCopyApp();
    const res = await request(t.app).get(url).expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.error.details).toEqual([
      { parameter: name, value: REDACTED, message: expect.any(String) },
    ]);
    expect(res.text).not.toContain('SECRET-VALUE');
    expect(res.text).not.toContain(TOKEN);
    const log = t.requestLog.join('');
    expect(log).toContain('"statusCode":400');
    expect(log).not.toContain('SECRET-VALUE');
    expect(log).not.toContain(TOKEN);
    expect(decodeURIComponent(decodeURIComponent(log))).not.toContain(TOKEN);
  });

  it('a Host header holding the token is refused: the page would carry it in its oEmbed link', async () => {
    t = shippedCopyApp();
    const res = await request(t.app).get('/').set('Host', `${TOKEN}.example`).expect(400);
    expect(res.body.error.details[0].parameter).toBe('host');
    expect(res.text).not.toContain(TOKEN);
  });

  it('an X-Request-Id holding the token is replaced by a new id, on a first read and a repeated one', async () => {
    t = shippedCopyApp();
    for (let i = 0; i < 2; i++) {
      const res = await request(t.app).get('/api/v1/networks').set('X-Request-Id', `id-${TOKEN}`).expect(200);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const plain = await request(t.app).get('/api/v1/networks').set('X-Request-Id', 'trace-42').expect(200);
    expect(plain.headers['x-request-id']).toBe('trace-42');
    expect(t.requestLog.join('')).not.toContain(TOKEN);
  });

  it('a write with the token in its query is refused before anything is read or written', async () => {
    t = shippedCopyApp();
    const res = await request(t.app)
      .post(`/api/v1/imports?kind=hubs&as_at=2026-01-01&token=${TOKEN}`)
      .set('Content-Type', 'text/csv')
      .send('tsh_area,name,website,areas\n')
      .expect(400);
    expect(res.text).not.toContain(TOKEN);
    expect(t.requestLog.join('')).not.toContain(TOKEN);
  });
});

describe('redactUrl', () => {
  it.each([
    ['/api/v1/networks', '/api/v1/networks'],
    ['/a?network=hubs&as_at=2020-01-01', '/a?network=hubs&as_at=2020-01-01'],
    ['/a?token=abc&network=hubs', `/a?token=${REDACTED}&network=hubs`],
    ['/a?network=hubs&Password=x&key=y', `/a?network=hubs&Password=${REDACTED}&key=${REDACTED}`],
    ['/a?%74oken=abc', `/a?%74oken=${REDACTED}`],
  ])('%s -> %s', (url, expected) => expect(redactUrl(url)).toBe(expected));

  const token = 'c0ffee/tok+en';
  it.each([
    ['/a/c0ffee%2Ftok%2Ben/b', `/a/${REDACTED}/b`],
    ['/a?c0ffee%2Ftok%2Ben', `/a?${REDACTED}`],
    ['/a?x=1&q=c0ffee%2Ftok%2Ben&y=2', `/a?x=1&q=${REDACTED}&y=2`],
    ['/a?q=c0ffee/tok%2Ben', `/a?q=${REDACTED}`],
    // The token's own '/' splits it across two segments: nothing of the URL is kept.
    ['/a/c0ffee/tok+en', REDACTED],
    ['/a?q=c0ffee/tok+ens', `/a?q=${REDACTED}`],
    ['/a?q=c0ffee', '/a?q=c0ffee'],
  ])('with the admin token %s -> %s', (url, expected) => expect(redactUrl(url, token)).toBe(expected));
});
