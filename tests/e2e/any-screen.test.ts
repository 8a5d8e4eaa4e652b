// Any screen (WCAG 2.2 reflow at 320 CSS px): no view scrolls sideways, the navigation folds behind a Menu
// button, the gap finder is a list of cards, charts are drawn for their width (text at least 12 px, no label
// outside or on another), and a tap opens an area.
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { DashboardPage, textProblems } from './pages/dashboard-page.js';
import { GapsPage } from './pages/gaps-page.js';
import { MapPage } from './pages/map-page.js';
import { screenshotPath } from './screenshots.js';

const VIEWS: [string, string][] = [
  ['overview', ''],
  ['coverage map', 'view=map'],
  ['coverage map of a region, schools beyond', 'view=map&region=South%20West&metric=schools_beyond_km'],
  ['coverage map on a date with published figures only', 'view=map&as_at=2014-05-26'],
  ['progress', 'view=progress'],
  ['gap finder', 'view=gaps'],
  ['gap finder, one area, 30 km', 'view=gaps&region=South%20West&area=908&radius_km=30'],
  ['area profile', 'view=area&area=908'],
  ['registry', 'view=registry'],
  ['registry: alliances', 'view=registry&tab=groups'],
  ['changes', 'view=changes'],
  ['data and sources', 'view=sources'],
  ['admin', 'view=admin'],
  ['embedded map', 'view=map&embed=1'],
];

const session = dashboardSession(
  [],
  {},
  { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true },
);

async function open(query: string): Promise<DashboardPage> {
  const page = await session.page(DashboardPage);
  await page.open(query);
  await page.page.locator('[data-testid=map]:not([data-ready=true])').waitFor({ state: 'detached' });
  return page;
}

describe('at 320 CSS px', () => {
  it.each(VIEWS)('%s does not scroll sideways', async (_view, query) => {
    const page = await open(query);
    expect(await page.sidewaysScroll()).toBe(0);
  });

  it('folds the navigation behind a Menu button, which opens it', async () => {
    const page = await open('view=map');
    const menu = page.byTestId('menu-button');
    expect(await menu.isVisible()).toBe(true);
    expect(await page.byTestId('nav-gaps').isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.byTestId('nav-gaps').click();
    await page.settled();
    expect(page.param('view')).toBe('gaps');
  });

  it('shows the gap finder\u2019s areas and schools as cards, each value with its label', async () => {
    const gaps = await session.page(GapsPage);
    await gaps.openGaps('region=South%20West&area=908&radius_km=20');
    const row = gaps.table.locator('tbody tr').first();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    const cell = row.locator('[data-label="Why it is listed"]');
    expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Why it is listed"');
    expect(
      await gaps.reachTable
        .locator('tbody tr')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('block');
  });

  it('draws chart text at 12 px or more, for the width it is shown at', async () => {
    for (const query of ['', 'view=area&area=908', 'view=progress', 'view=progress&network=nles']) {
      const page = await open(query);
      const smallest = await page.page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll('main svg[role=img] text')].map((t) => {
            const svg = t.closest('svg')!;
            const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
            return Number.parseFloat(getComputedStyle(t).fontSize) * scale;
          }),
        ),
      );
      expect(smallest, query || 'overview').toBeGreaterThanOrEqual(12);
    }
  });

  it('draws the progress charts for their width with every label inside and apart from the others', async () => {
    const page = await open('view=progress');
    const charts = ['progress-figure-chart', 'coverage-over-time-figure-chart'];
    for (const chart of charts) {
      const svg = `[data-testid="${chart}"] svg`;
      expect(Number(await page.page.locator(svg).getAttribute('width')), chart).toBeLessThan(300);
      expect(await textProblems(page.page, svg), chart).toEqual([]);
    }
    await page.byTestId('progress-figure-chart').screenshot({ path: screenshotPath('progress-320.png') });
  });

  it('opens an area\u2019s profile with a tap', async () => {
    const map = await session.page(MapPage);
    await map.page.setViewportSize({ width: 390, height: 844 });
    await map.openMap('region=South%20West');
    await map.area('908').tap();
    await map.page.waitForURL((url) => url.searchParams.get('view') === 'area');
    expect(map.param('area')).toBe('908');
  });
});

describe('the gap finder at 390 px', () => {
  it('looks right (screenshot)', async () => {
    const gaps = await session.page(GapsPage);
    await gaps.page.setViewportSize({ width: 390, height: 844 });
    await gaps.openGaps('region=South%20West&radius_km=20');
    await gaps.page.screenshot({ path: screenshotPath('gap-finder-390-top.png') });
    await gaps.table.locator('tbody tr').first().scrollIntoViewIfNeeded();
    await gaps.page.screenshot({ path: screenshotPath('gap-finder-390.png') });
    await gaps.byTestId('reach').scrollIntoViewIfNeeded();
    await gaps.page.screenshot({ path: screenshotPath('gap-finder-390-reach.png') });
    expect(await gaps.sidewaysScroll()).toBe(0);
  });
});

describe('on a phone (390 px)', () => {
  async function openAt390(query: string): Promise<MapPage> {
    const map = await session.page(MapPage);
    await map.page.setViewportSize({ width: 390, height: 844 });
    await map.openMap(query);
    return map;
  }

  /** Where the first row's area name is against the table's scroller: left edges apart, and its width. */
  const nameInView = (map: MapPage) =>
    map.byTestId('map-table').evaluate((table) => {
      const scroller = table.parentElement!;
      const name = table.querySelector('tbody tr th')!.getBoundingClientRect();
      return {
        scrolled: scroller.scrollLeft,
        offset: Math.round(name.left - scroller.getBoundingClientRect().left),
        name: table.querySelector('tbody tr th')!.textContent,
      };
    });

  it('keeps the area names in view while the coverage table is scrolled, and after a sort', async () => {
    const map = await openAt390('');
    const scrollRight = () =>
      map.byTestId('map-table').evaluate((t) => (t.parentElement!.scrollLeft = t.parentElement!.scrollWidth));
    await scrollRight();
    const scrolled = await nameInView(map);
    expect(scrolled.scrolled).toBeGreaterThan(300);
    expect(scrolled.offset).toBe(0);
    await map.byTestId('map-table').locator('[data-sort-key="schools"]').click();
    await map.page.waitForURL((url) => url.searchParams.get('sort') === 'schools');
    await map.settled();
    await scrollRight();
    const sorted = await nameInView(map);
    expect(sorted.offset).toBe(0);
    expect(sorted.name).not.toBe(scrolled.name);
    await map.byTestId('map-table').locator('tbody tr').first().scrollIntoViewIfNeeded();
    await map.page.screenshot({ path: screenshotPath('coverage-table-390-scrolled.png') });
  });

  it('closes the menu once a view is chosen', async () => {
    const map = await openAt390('');
    const menu = map.byTestId('menu-button');
    await menu.click();
    await map.byTestId('nav-gaps').click();
    await map.settled();
    expect(map.param('view')).toBe('gaps');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await map.byTestId('nav-progress').isVisible()).toBe(false);
    // The chosen view's heading is where it is when the view is opened afresh, not a screen further down.
    const chosen = (await map.heading.boundingBox())!.y;
    await map.page.screenshot({ path: screenshotPath('menu-chosen-390.png') });
    await map.open('view=gaps');
    expect(chosen).toBe((await map.heading.boundingBox())!.y);
  });

  it('states the region\u2019s total on a region\u2019s map', async () => {
    const map = await openAt390('region=South%20West');
    expect(await map.byTestId('region-total').innerText()).toMatch(
      /^South West: \d+ teaching schools, serving \d+ of 16 council areas \([\d.]+%\); [\d,]+ establishments\.$/,
    );
    await map.page.screenshot({ path: screenshotPath('map-region-390.png') });
  });
});
