// Reads a hostile client might send that earlier rounds did not, each answered in the one error shape with a
// message naming the bad value (STYLE.md).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectErrorShape, shippedApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(() => {
  t = shippedApp(inject('shippedDb'));
});
afterAll(() => t.cleanup());

async function refused(url: string, status: number): Promise<string> {
  const res = await request(t.app).get(url);
  expect(res.status, url).toBe(status);
  expectErrorShape(res.body, status);
  return res.body.error.message as string;
}

describe('oEmbed url', () => {
  // Both were answered 'url: is required'.
  it('given twice is told to give it once', async () => {
    expect(await refused('/api/oembed?url=a&url=b', 400)).toBe('url: given 2 times; give it once');
  });

  it('longer than 2,000 characters is told so', async () => {
    const url = `http://127.0.0.1/?view=overview&region=${'x'.repeat(2000)}`;
    expect(await refused(`/api/oembed?url=${encodeURIComponent(url)}`, 400)).toBe(
      `url: '${url.slice(0, 60)}…' is longer than 2000 characters`,
    );
  });

  it('missing is still required', async () => {
    expect(await refused('/api/oembed', 400)).toBe('url: is required');
  });
});

describe('a path parameter that is not percent-encoded UTF-8', () => {
  // Express's router refused it as 'Bad request', naming nothing.
  it.each([
    ['/api/v1/council-areas/%C0%AF', '%C0%AF'],
    ['/api/v1/council-areas/%FF', '%FF'],
    ['/api/v1/imports/%E0%A4%A', '%E0%A4%A'],
  ])('%s is a 400 naming it', async (url, value) => {
    expect(await refused(url, 400)).toBe(`'${value}' in the path is not valid percent-encoded UTF-8`);
  });

  it('logged no fault', () => {
    expect(t.logged).toEqual([]);
  });
});

describe('oEmbed and the Host header', () => {
  const oembed = (host: string, page: string) =>
    request(t.app)
      .get(`/api/oembed?url=${encodeURIComponent(page)}`)
      .set('Host', host);

  // The URL parser lower-cases the page's host and drops a default port; the Host header was compared as sent.
  it.each([
    ['Registry.Example', 'http://Registry.Example/?view=overview'],
    ['registry.example:80', 'http://registry.example/?view=overview'],
    ['registry.example', 'http://REGISTRY.example:80/?view=overview'],
  ])('Host %s takes its own page %s', async (host, page) => {
    const res = await oembed(host, page);
    expect(res.status).toBe(200);
    expect(res.body.provider_url).toBe('http://registry.example/');
  });

  it.each([
    ['registry.example', 'http://elsewhere.example/?view=overview'],
    ['registry.example:8080', 'http://registry.example/?view=overview'],
    ['registry.example evil', 'http://registry.example/?view=overview'],
    ['', 'http://registry.example/?view=overview'],
  ])('Host %j does not take %s (404)', async (host, page) => {
    const res = await oembed(host, page);
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 404);
  });
});
