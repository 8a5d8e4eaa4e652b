import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isEmbedPage } from '../../server/api/setup/security.js';
import { expectErrorShape, shippedApp, type TestApp } from './helpers.js';

// Embedding: which pages another site may frame, the oEmbed answer, and the discovery link in the page.

let t: TestApp;
beforeAll(() => {
  t = shippedApp(inject('shippedDb'));
});
afterAll(() => t.cleanup());

const HOST = 'registry.example';
const get = (url: string) => request(t.app).get(url).set('Host', HOST);
const oembed = (page: string, extra = '') => get(`/api/oembed?url=${encodeURIComponent(page)}${extra}`);

describe('framing', () => {
  it('lets any site frame a ?embed=1 page, with no X-Frame-Options to contradict it', async () => {
    for (const path of [
      '/?view=map&embed=1',
      '/?embed=1',
      '/index.html?view=progress&embed=1&network=nles',
      '/?view=overview&embed=1&region=London',
    ]) {
      const res = await get(path).expect(200);
      expect(res.headers['content-security-policy'], path).toMatch(/frame-ancestors \*(;|$)/);
      expect(res.headers['x-frame-options'], path).toBeUndefined();
    }
  });

  it('keeps the views not made for a frame, the other pages and the API unframeable, saying so twice alike', async () => {
    for (const path of [
      '/?view=admin&embed=1',
      // Pages of tables and controls, thousands of px tall in a 320 px column: shared by link only.
      '/?view=gaps&embed=1&region=London',
      '/index.html?view=area&area=926&embed=1',
      '/?view=registry&embed=1',
      '/?view=changes&embed=1',
      '/?view=sources&embed=1',
      '/?view=map',
      '/api/v1/networks?embed=1',
      '/api/docs',
      '/x?embed=1',
    ]) {
      const res = await get(path);
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], path).toBe('DENY');
    }
    expect(isEmbedPage({ url: '/?embed=1&view=admin' })).toBe(false);
    expect(isEmbedPage({ url: '/?embed=1&view=gaps' })).toBe(false);
    expect(isEmbedPage({ url: '/?embed=0&view=map' })).toBe(false);
  });
});

describe('GET /api/oembed', () => {
  it('answers rich oEmbed JSON with the iframe of the page with ?embed=1, its size and title', async () => {
    const page = `http://${HOST}/?view=map&region=London&as_at=2018-03-12&v=12.1`;
    const res = await oembed(page).expect(200);
    const { html, ...rest } = res.body as { html: string };
    expect(rest).toEqual({
      version: '1.0',
      type: 'rich',
      title: 'Coverage map: Teaching schools, London, as at 12 March 2018',
      provider_name: 'Teaching school networks',
      provider_url: `http://${HOST}/`,
      width: 600,
      height: 450,
    });
    const iframe =
      `<iframe src="http://${HOST}/?view=map&amp;region=London&amp;as_at=2018-03-12&amp;v=12.1&amp;embed=1" ` +
      'width="600" height="450" title="Coverage map: Teaching schools, London, as at 12 March 2018" ' +
      'loading="lazy" data-tsn-embed style="border:0;width:100%;max-width:100%"></iframe>';
    expect(html.slice(0, iframe.length)).toBe(iframe);
    // Then the script that sizes the frame to the height the page asks for (common/embed-snippet.ts).
    expect(html.slice(iframe.length)).toMatch(
      /^<script>\(function\(\)\{.*teaching-school-networks:height.*<\/script>$/,
    );
  });

  it('pins a link that names no data version or date to those it shows now, so the embed never drifts', async () => {
    const { v } = (await get('/api/v1/version').expect(200)).body as { v: string };
    const res = await oembed(`http://${HOST}/?view=map&network=hubs`).expect(200);
    const src = new URL(/src="([^"]+)"/.exec(res.body.html)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('v')).toBe(v);
    // The date of the hubs' latest list, as the dashboard opens it.
    expect(src.searchParams.get('as_at')).toBe('2025-09-30');
    expect(res.body.title).toContain('as at 30 September 2025');
  });

  it('fits maxwidth and maxheight, and escapes what the page URL carries', async () => {
    const res = await oembed(
      `http://${HOST}/?view=map&region="><script>`,
      '&maxwidth=320&maxheight=900',
    ).expect(200);
    expect(res.body).toMatchObject({ width: 320, height: 450 });
    // The page's own words never become markup: one script, the snippet's, after the iframe.
    expect(res.body.html.split('<script>')).toHaveLength(2);
    expect(res.body.html.indexOf('<script>')).toBeGreaterThan(res.body.html.indexOf('</iframe>'));
    // The link's text stays in the iframe's link, percent-encoded; the title names no such region.
    expect(res.body.html).toContain('region=%22%3E%3Cscript%3E');
    expect(res.body.title).not.toContain('script');
  });

  it('drops a user and password before the host from the iframe', async () => {
    const res = await oembed(`http://someone:secret@${HOST}/?view=map&as_at=2018-03-12&v=12.1`).expect(200);
    expect(res.body.html).toContain(
      `<iframe src="http://${HOST}/?view=map&amp;as_at=2018-03-12&amp;v=12.1&amp;embed=1"`,
    );
    expect(JSON.stringify(res.body)).not.toMatch(/someone|secret/);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'reads ?view=%s as no view (the overview), never a property of every object',
    async (view) => {
      const res = await oembed(`http://${HOST}/?view=${view}`).expect(200);
      expect(res.body.title).toMatch(/^Overview: /);
    },
  );

  it('refuses pages of other sites, views not made for a frame and other paths (404), and xml (501)', async () => {
    for (const page of [
      'http://elsewhere.example/?view=map',
      `http://${HOST}/?view=admin`,
      `http://${HOST}/?view=gaps&region=London`,
      `http://${HOST}/?view=area&area=926`,
      `http://${HOST}/?view=registry`,
      `http://${HOST}/api/docs`,
      'nonsense',
    ]) {
      expectErrorShape((await oembed(page).expect(404)).body, 404);
    }
    expectErrorShape((await oembed(`http://${HOST}/`, '&format=xml').expect(501)).body, 501);
    expectErrorShape((await get('/api/oembed').expect(400)).body, 400);
  });

  it("names a link's region as the registry names it, and never quotes other text as a region", async () => {
    const title = async (region: string) =>
      (
        await oembed(`http://${HOST}/?view=map&as_at=2018-03-12&region=${encodeURIComponent(region)}`).expect(
          200,
        )
      ).body.title as string;
    expect(await title('london')).toBe('Coverage map: Teaching schools, London, as at 12 March 2018');
    expect(await title('E12000007')).toBe('Coverage map: Teaching schools, London, as at 12 March 2018');
    expect(await title('These figures are withdrawn: see example.org')).toBe(
      'Coverage map: Teaching schools, as at 12 March 2018',
    );
  });

  it('is named in a discovery link by the pages of the views made for a frame only', async () => {
    const page = await get('/?view=map&as_at=2018-03-12').expect(200);
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page.text);
    expect(link).not.toBeNull();
    const href = link![1]!.replace(/&amp;/g, '&');
    expect(href).toBe(
      `http://${HOST}/api/oembed?url=${encodeURIComponent(`http://${HOST}/?view=map&as_at=2018-03-12`)}`,
    );
    const answer = await get(href.replace(`http://${HOST}`, '')).expect(200);
    expect(answer.body.title).toBe('Coverage map: Teaching schools, as at 12 March 2018');
    for (const path of [
      '/?view=admin',
      '/?view=gaps&region=London',
      '/?view=area&area=926',
      '/?view=sources',
    ]) {
      const other = await get(path).expect(200);
      expect(other.text, path).not.toContain('json+oembed');
    }
    for (const path of ['/', '/?view=progress'])
      expect((await get(path)).text, path).toContain('json+oembed');
  });
});
