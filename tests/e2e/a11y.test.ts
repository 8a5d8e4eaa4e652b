// Accessibility: axe-core (its own source, injected into the page) on every view, at 1280 px and at 320 px.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startDashboard, type Dashboard } from './harness.js';
import { DashboardPage } from './pages/dashboard-page.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const VIEWS: [string, string][] = [
  ['overview', ''],
  ['coverage map', 'view=map'],
  ['coverage map, covered or not, one region', 'view=map&metric=covered&region=North%20West'],
  ['progress', 'view=progress'],
  ['gap finder', 'view=gaps'],
  ['area profile', 'view=area&area=202'],
  ['registry', 'view=registry'],
  ['registry: alliances', 'view=registry&tab=groups'],
  ['changes', 'view=changes'],
  ['data and sources', 'view=sources'],
  ['admin (the upload form)', 'view=admin'],
  ['overview of a network with no member list', 'network=nles'],
  ['embedded progress chart', 'view=progress&embed=1'],
  ['embedded map', 'view=map&embed=1'],
  ['gap finder with the reach list of one area', 'view=gaps&region=South%20West&area=908&radius_km=20'],
  ['coverage map on a date with published figures only', 'view=map&as_at=2014-05-26'],
  ['hub changes between any two dates, stepped', 'view=changes&network=hubs&from=2022-01-01&to=2024-09-01'],
  ['gap finder for hubs, with the establishments no hub serves', 'view=gaps&network=hubs&as_at=2023-11-01'],
];

let dashboard: Dashboard;
let browser: Browser;
beforeAll(async () => {
  [dashboard, browser] = await Promise.all([startDashboard(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

describe.each([
  ['desktop', 1280],
  ['phone (reflow)', 320],
])('axe-core at %s width', (_name, width) => {
  it.each(VIEWS)('%s has no serious or critical violation', async (_view, query) => {
    // axe is injected as an inline script, which the server's CSP rightly refuses: only this test bypasses it
    // (every other end-to-end test runs the dashboard under the real CSP).
    const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
    try {
      const page = new DashboardPage(await context.newPage(), dashboard.baseUrl);
      await page.open(query);
      await page.page.locator('[data-testid=map]:not([data-ready=true])').waitFor({ state: 'detached' });
      expect(await page.seriousViolations(AXE)).toEqual([]);
      expect(page.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('keyboard', () => {
  it('reaches the navigation, the controls and the map areas with Tab, with a visible focus', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = new DashboardPage(await context.newPage(), dashboard.baseUrl);
      await page.open('view=map');
      await page.page.locator('[data-testid=map][data-ready=true]').waitFor();
      const seen = new Set<string>();
      for (let i = 0; i < 40; i += 1) {
        await page.page.keyboard.press('Tab');
        const focused = await page.page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return null;
          const style = getComputedStyle(el);
          const visible =
            style.outlineStyle !== 'none' || style.boxShadow !== 'none' || el.tagName === 'path';
          return { id: el.getAttribute('data-testid') ?? el.tagName.toLowerCase(), visible };
        });
        if (focused) {
          seen.add(focused.id);
          expect(focused.visible, `focus on ${focused.id} is visible`).toBe(true);
        }
      }
      expect(seen).toContain('nav-overview');
      expect(seen).toContain('network-switcher');
      expect(seen).toContain('date-control');
      expect(seen).toContain('metric-control');
      expect([...seen].some((id) => id.startsWith('area-'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
