// Embeds and sharing, as a journalist uses them: the map framed by a page of another origin (a second local
// server on another port), the Share control's link and iframe code, oEmbed discovery, and permalinks that keep the
// map's centre and zoom.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet } from '../../common/embed-snippet.js';
import { openDatabase } from '../../server/db/open.js';
import { importFile } from '../../server/importer/import-file.js';
import { dashboardSession } from './harness.js';
import { MapPage } from './pages/map-page.js';
import { screenshotPath } from './screenshots.js';

const session = dashboardSession([], {}, { viewport: { width: 600, height: 470 } });
let host: Server;
let hostUrl: string;

/** A news site's page on another origin (localhost, not 127.0.0.1, on its own port) framing the given address. */
function newsPage(src: string, width = 600, height = 450): string {
  return (
    '<!doctype html><html lang="en"><head><title>A news story</title></head><body style="margin:0">' +
    `<h1 style="font:16px sans-serif;margin:4px">A story</h1><iframe id="embed" src="${src}" width="${width}" ` +
    `height="${height}" title="Teaching schools map" style="border:0"></iframe></body></html>`
  );
}

/** A news site's page with the Share control's embed code in a column of the given width. */
function snippetPage(src: string, column: number): string {
  return (
    '<!doctype html><html lang="en"><head><title>A news story</title></head><body style="margin:0">' +
    `<div id="column" style="width:${column}px">${embedSnippet(src, 'Teaching schools map')}</div></body></html>`
  );
}

// The news site: another origin (localhost, not 127.0.0.1, on its own port).
beforeAll(async () => {
  host = createServer((req, res) => {
    const asked = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const src = asked.get('src') ?? '';
    const column = asked.get('column');
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(column ? snippetPage(src, Number(column)) : newsPage(src));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => host?.close(resolve)));

/** Opens the news page framing a dashboard query, and returns the frame once its map is drawn (or settled). */
async function framed(query: string, map = true): Promise<{ frame: Frame; problems: string[] }> {
  const page = await session.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${hostUrl}/?src=${encodeURIComponent(`${session.dashboard.baseUrl}/?${query}`)}`);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  if (map) await frame.locator('[data-testid=map][data-ready=true]').waitFor();
  return { frame, problems };
}

/** A box inside the frame's 600x450 viewport. */
async function insideFrame(frame: Frame, selector: string): Promise<boolean> {
  return frame
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    });
}

describe('the map embedded in a page of another origin', () => {
  it('draws every council area, with its legend, source and attribution inside a 600x450 frame', async () => {
    const { frame, problems } = await framed('view=map&embed=1&as_at=2018-03-12');
    expect(new URL(frame.url()).origin).toBe(session.dashboard.baseUrl);
    expect(await frame.locator('path[data-testid^="area-"]').count()).toBe(152);
    // Drawn, not collapsed: the areas' SVG has a size.
    const svg = await frame.locator('.leaflet-overlay-pane svg').boundingBox();
    expect(svg!.width).toBeGreaterThan(200);
    expect(await insideFrame(frame, 'h1')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('centres a region: its areas fill the middle of the map', async () => {
    const { frame } = await framed('view=map&embed=1&region=London&as_at=2018-03-12');
    const [map, london] = await Promise.all([
      frame.locator('[data-testid=map]').boundingBox(),
      frame.locator('path[data-testid="area-202"]').boundingBox(), // Camden, central London
    ]);
    expect(Math.abs(london!.x + london!.width / 2 - (map!.x + map!.width / 2))).toBeLessThan(map!.width / 4);
    expect(Math.abs(london!.y + london!.height / 2 - (map!.y + map!.height / 2))).toBeLessThan(
      map!.height / 4,
    );
  });

  it.each(['view=admin&embed=1', 'view=gaps&region=London&embed=1'])(
    'is refused for a view not made for a frame (%s)',
    async (query) => {
      const { frame } = await framed(query, false);
      await frame.page().waitForTimeout(500);
      expect(await frame.locator('#app').count()).toBe(0);
    },
  );
});

/** The Share control's embed code in a column of a news page; the frame once its map is drawn and sized. */
async function embedded(query: string, column: number) {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: Math.max(column, 320) + 20, height: 900 });
  const src = `${session.dashboard.baseUrl}/?${query}`;
  await page.goto(`${hostUrl}/?column=${column}&src=${encodeURIComponent(src)}`);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await frame.locator('[data-testid=map][data-ready=true]').waitFor();
  const iframe = page.locator('iframe');
  // The frame takes the height the embed says it needs (a message to this page): wait until it has.
  await expect
    .poll(async () => {
      const [box, content] = await Promise.all([
        iframe.boundingBox(),
        frame.locator('.app-embed').evaluate((el) => Math.ceil(el.getBoundingClientRect().height)),
      ]);
      return Math.abs(box!.height - content);
    })
    .toBeLessThanOrEqual(1);
  return { page, frame, iframe };
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the embed code in a column of any width', () => {
  // 288: a 320 px phone's column, less an article's 16 px margins.
  it.each([288, 320, 390, 600, 1280])(
    'at %i px: as tall as its width needs, the map 60 per cent of it, the legend clear of it',
    async (column) => {
      const { page, frame, iframe } = await embedded('view=map&embed=1&as_at=2018-03-12', column);
      const box = (await iframe.boundingBox())!;
      if (column !== 600)
        await page.screenshot({ path: screenshotPath(`embed-map-${column}.png`), fullPage: true });
      expect(box.width).toBe(column);
      const [map, legend] = await Promise.all([
        frame.locator('[data-testid=map]').boundingBox(),
        frame.locator('[data-testid=map-legend]').boundingBox(),
      ]);
      expect(map!.height / box.height, `map ${map!.height} of ${box.height}`).toBeGreaterThanOrEqual(0.6);
      expect(overlap(map!, legend!)).toBe(false);
      for (const part of [
        'h1',
        '[data-testid=map-legend]',
        '[data-testid=embed-source]',
        '[data-testid=embed-link]',
      ])
        expect(await insideFrame(frame, part), part).toBe(true);
    },
  );

  it('names its source and date, and links to the same view on the dashboard in a new tab', async () => {
    const { frame } = await embedded('view=map&embed=1&region=London&as_at=2018-03-12', 600);
    expect(await frame.getByTestId('embed-source').innerText()).toMatch(
      /^Source: DfE and NCTL .+\. Data as of \d{1,2} [A-Z][a-z]+ \d{4} \(import \d+\)\.$/,
    );
    const link = frame.getByTestId('embed-link');
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.origin).toBe(session.dashboard.baseUrl);
    expect(href.searchParams.get('embed')).toBeNull();
    expect(href.searchParams.get('region')).toBe('London');
    expect(href.searchParams.get('v')).toBe(new URL(frame.url()).searchParams.get('v'));
  });

  it('opens a tapped area on the dashboard in a new tab, never inside the frame', async () => {
    const { frame } = await embedded('view=map&embed=1&region=South%20West&as_at=2018-03-12', 390);
    const before = frame.url();
    const [opened] = await Promise.all([
      session.context.waitForEvent('page'),
      frame.locator('path[data-testid="area-908"]').click(),
    ]);
    await opened.waitForLoadState();
    const url = new URL(opened.url());
    expect([
      url.searchParams.get('view'),
      url.searchParams.get('area'),
      url.searchParams.get('embed'),
    ]).toEqual(['area', '908', null]);
    expect(frame.url()).toBe(before);
    await opened.close();
  });
});

describe('Share or embed', () => {
  it('gives the permalink and an iframe of the embed with its width, height and title', async () => {
    const map = await session.page(MapPage);
    await map.page.setViewportSize({ width: 1280, height: 900 });
    await map.openMap('region=London');
    const { link, embed } = await map.share();
    expect(link).toBe(map.page.url());
    expect(embed).toMatch(/^<iframe src="[^"]+" width="600" height="450" title="[^"]+"/);
    expect(embed).toContain('data-tsn-embed style="border:0;width:100%;max-width:100%"></iframe><script>');
    const src = new URL(/src="([^"]+)"/.exec(embed)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('region')).toBe('London');
    expect(/title="([^"]+)"/.exec(embed)![1]).toBe(
      'Coverage map: Teaching schools, London, as at 12 March 2018',
    );
  });

  it.each(['admin', 'gaps', 'area'])(
    'offers the %s view\u2019s link only, and says so: it is not made for a frame',
    async (view) => {
      const page = await session.page(MapPage);
      await page.page.setViewportSize({ width: 1280, height: 900 });
      await page.open(`view=${view}${view === 'area' ? '&area=926' : ''}`);
      expect(await page.byTestId('share').locator('summary').innerText()).toBe('Share this view');
      const { link } = await page.share();
      expect(link).toBe(page.page.url());
      expect(await page.byTestId('share-embed').isVisible()).toBe(false);
      expect(await page.byTestId('share-link-only').innerText()).toBe(
        'This view is shared by its link only: it is not made for a frame. The Overview, Coverage map and ' +
          'Progress views can be embedded.',
      );
      await page.navigate('map');
      expect(await page.byTestId('share').locator('summary').innerText()).toBe('Share or embed this view');
      await page.share();
      expect(await page.byTestId('share-link-only').isVisible()).toBe(false);
    },
  );

  it('keeps the map\u2019s centre and zoom in the link, and the link reopens them', async () => {
    const map = await session.page(MapPage);
    await map.page.setViewportSize({ width: 1280, height: 900 });
    await map.openMap();
    await map.page.locator('.leaflet-control-zoom-in').click();
    await map.page.waitForURL((url) => url.searchParams.get('at') !== null);
    const at = map.param('at')!;
    const { link } = await map.share();
    expect(new URL(link).searchParams.get('at')).toBe(at);
    const again = await session.page(MapPage);
    await again.page.setViewportSize({ width: 1280, height: 900 });
    await again.page.goto(link);
    await again.page.locator('[data-testid=map][data-ready=true]').waitFor();
    const zoom = await again.page.locator('.leaflet-proxy').evaluate((el) => el.style.transform);
    const before = await map.page.locator('.leaflet-proxy').evaluate((el) => el.style.transform);
    expect(zoom).toBe(before);
  });

  it('names the oEmbed endpoint in the page, which answers the iframe for that page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${session.dashboard.baseUrl}/?view=map&region=London`);
    const href = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
    const answer = (await (await page.request.get(href!)).json()) as { type: string; html: string };
    expect(answer.type).toBe('rich');
    // Pinned to the data version and the date shown, so a published embed never drifts (issue 28).
    expect(answer.html).toMatch(
      /view=map&amp;region=London&amp;v=\d+\.\d+&amp;as_at=\d{4}-\d{2}-\d{2}&amp;embed=1/,
    );
  });

  it('keeps the page\u2019s data version (v) in the oEmbed iframe', async () => {
    const map = await session.page(MapPage);
    await map.openMap('region=London');
    const v = map.param('v')!;
    expect(v).toMatch(/^\d+\./);
    const endpoint = `${session.dashboard.baseUrl}/api/oembed?url=${encodeURIComponent(map.page.url())}`;
    const answer = (await (await map.page.request.get(endpoint)).json()) as { html: string };
    const src = new URL(/src="([^"]+)"/.exec(answer.html)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('v')).toBe(v);
    expect(src.searchParams.get('embed')).toBe('1');
  });
});

describe('a chart embedded in a wide column', () => {
  it.each(['view=overview&as_at=2018-03-12', 'view=progress&network=nles'])(
    'is drawn as wide as it is shown, its text never scaled down (%s)',
    async (query) => {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      const src = `${session.dashboard.baseUrl}/?${query}&embed=1`;
      await page.goto(`${hostUrl}/?column=1248&src=${encodeURIComponent(src)}`);
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      const svg = frame.locator('[data-testid=embed-chart] svg[role=img]');
      await svg.waitFor();
      // Shown px per drawn px: 1 when the chart is drawn for the width it is shown at (0.77 when drawn 1,236
      // wide and held to 960 by the style sheet).
      await expect
        .poll(() =>
          svg.evaluate(
            (el) => el.getBoundingClientRect().width / (el as SVGSVGElement).viewBox.baseVal.width,
          ),
        )
        .toBeCloseTo(1, 2);
    },
  );
});

// Last in this file: it imports a list, so that a link made before shows a line linking to the newer data.
describe('a link followed in an embed', () => {
  const version = async () =>
    ((await (await fetch(`${session.dashboard.baseUrl}/api/v1/version`)).json()) as { v: string }).v;
  let before: string;
  beforeAll(async () => {
    before = await version();
    const db = openDatabase(session.dashboard.dbPath);
    try {
      const fixture = 'networks/teaching-schools-2014.csv';
      const bytes = readFileSync(join(import.meta.dirname, '../fixtures', fixture));
      const report = importFile(db, {
        kind: 'teaching-schools',
        bytes,
        fileName: fixture,
        asAt: '2018-04-01',
        confirm: ['removes-most'],
      });
      expect(report.errors).toEqual([]);
    } finally {
      db.close();
    }
    expect(await version()).not.toBe(before);
  });

  it.each(['view=overview', 'view=progress&network=nles'])(
    'opens the dashboard in a new tab, never inside the frame (%s)',
    async (query) => {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 390, height: 900 });
      const src = `${session.dashboard.baseUrl}/?${query}&v=${before}&embed=1`;
      await page.goto(`${hostUrl}/?column=358&src=${encodeURIComponent(src)}`);
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      const link = frame.getByTestId('newer-data-link');
      await link.waitFor();
      await frame.locator('#app[data-status=ready]').waitFor();
      const framedAt = frame.url();
      const [opened] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
      await opened.waitForLoadState();
      const url = new URL(opened.url());
      expect(url.origin).toBe(session.dashboard.baseUrl);
      expect(url.searchParams.get('embed')).toBeNull();
      // The overview, the default view, is the address without ?view=.
      const view = new URLSearchParams(query).get('view');
      expect(url.searchParams.get('view')).toBe(view === 'overview' ? null : view);
      expect(url.searchParams.get('v')).not.toBe(before);
      // The frame stays where it was.
      await page.waitForTimeout(300);
      expect(frame.url()).toBe(framedAt);
      expect(await frame.getByTestId('newer-data-link').count()).toBe(1);
      await opened.close();
    },
  );
});
