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
});
