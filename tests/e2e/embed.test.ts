// Embeds and sharing, as a journalist uses them: the map framed by a page of another origin (a second local
// server on another port), the Share control's link and iframe code, oEmbed discovery, and permalinks that keep the
// map's centre and zoom.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// The news site: another origin (localhost, not 127.0.0.1, on its own port).
beforeAll(async () => {
  host = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://localhost').searchParams.get('src') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(newsPage(src));
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
  it('draws every council area, with its legend, summary and attribution inside a 600x450 frame', async () => {
    const { frame, problems } = await framed('view=map&embed=1&as_at=2018-03-12');
    expect(new URL(frame.url()).origin).toBe(session.dashboard.baseUrl);
    expect(await frame.locator('path[data-testid^="area-"]').count()).toBe(152);
    // Drawn, not collapsed: the areas' SVG has a size.
    const svg = await frame.locator('.leaflet-overlay-pane svg').boundingBox();
    expect(svg!.width).toBeGreaterThan(200);
    for (const part of [
      '[data-testid=map-legend]',
      '[data-testid=map-summary]',
      '[data-testid=ogl-attribution]',
      'h1',
    ]) {
      expect(await insideFrame(frame, part), part).toBe(true);
    }
    expect(problems).toEqual([]);
    await frame.page().screenshot({
      path: screenshotPath('embed-map-600x450.png'),
      clip: { x: 0, y: 30, width: 600, height: 450 },
    });
  });

  it('centres a region: its areas fill the middle of the map', async () => {
    const { frame } = await framed('view=map&embed=1&region=London&as_at=2018-03-12');
    const [map, london] = await Promise.all([
      frame.locator('[data-testid=map]').boundingBox(),
      frame.locator('path[data-testid="area-202"]').boundingBox(), // Camden, central London
    ]);
    const legend = await frame.locator('.app-map-legend-control').boundingBox();
    // The free part of the map, right of the legend: Camden near its middle.
    const left = legend!.x + legend!.width;
    const middle = left + (map!.x + map!.width - left) / 2;
    expect(Math.abs(london!.x + london!.width / 2 - middle)).toBeLessThan(map!.width / 4);
    expect(Math.abs(london!.y + london!.height / 2 - (map!.y + map!.height / 2))).toBeLessThan(
      map!.height / 4,
    );
  });

  it('is refused for the Admin view, which no other site may frame', async () => {
    const { frame } = await framed('view=admin&embed=1', false);
    await frame.page().waitForTimeout(500);
    expect(await frame.locator('#app').count()).toBe(0);
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
    const src = new URL(/src="([^"]+)"/.exec(embed)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('region')).toBe('London');
    expect(/title="([^"]+)"/.exec(embed)![1]).toBe(
      'Coverage map: Teaching schools, London, as at 12 March 2018',
    );
  });

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
    await page.goto(`${session.dashboard.baseUrl}/?view=gaps&region=London`);
    const href = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
    const answer = (await (await page.request.get(href!)).json()) as { type: string; html: string };
    expect(answer.type).toBe('rich');
    expect(answer.html).toContain('view=gaps&amp;region=London&amp;embed=1');
  });
});
