// Keyboard and screen-reader paths: a skip link past the map's area stops, named cluster markers, a focused area
// outlined above the others at national zoom, and focus kept on a sort button after sorting.
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import type { DashboardPage } from './pages/dashboard-page.js';
import { GapsPage } from './pages/gaps-page.js';
import { MapPage } from './pages/map-page.js';
import { RegistryPage } from './pages/registry-page.js';

const session = dashboardSession();

async function openMap(query = ''): Promise<MapPage> {
  const map = await session.page(MapPage);
  await map.openMap(query);
  return map;
}

const active = (map: DashboardPage) =>
  map.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('data-testid') ?? el?.id ?? el?.tagName.toLowerCase() ?? null;
  });

describe('keyboard', () => {
  it('skips the map\u2019s area stops to its table: a few Tabs instead of 195', async () => {
    const map = await openMap();
    await map.byTestId('phase-control').focus();
    let tabs = 0;
    while ((await active(map)) !== 'skip-map' && tabs < 10) {
      await map.page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(await active(map)).toBe('skip-map');
    expect(await map.byTestId('skip-map').isVisible()).toBe(true);
    await map.page.keyboard.press('Enter');
    expect(await active(map)).toBe('map-table-region');
    expect(map.param('view')).toBe('map');
    await map.page.keyboard.press('Tab');
    expect(await map.page.evaluate(() => document.activeElement?.closest('#map-table-region') !== null)).toBe(
      true,
    );
  });

  it('names each cluster marker with its count and what pressing it does', async () => {
    const map = await openMap();
    const clusters = map.page.locator('.app-cluster');
    expect(await clusters.count()).toBeGreaterThan(3);
    const names = await map.page.getByRole('button', { name: /^\d+ teaching schools: zoom in$/ }).count();
    expect(names).toBe(await clusters.count());
  });

  it('outlines a focused area above all the others, even the City of London at national zoom', async () => {
    const map = await openMap();
    await map.area('201').focus();
    const outline = map.page.locator('.leaflet-app-focus-pane path');
    expect(await outline.count()).toBe(2);
    expect(await outline.evaluateAll((els) => els.map((e) => e.getAttribute('stroke')))).toEqual([
      '#ffdd00',
      '#0b0c0c',
    ]);
    const [area, ring] = await Promise.all([map.area('201').boundingBox(), outline.first().boundingBox()]);
    expect(ring!.width).toBeGreaterThanOrEqual(area!.width);
    expect(ring!.x).toBeLessThanOrEqual(area!.x);
    const panes = await map.page.evaluate(() =>
      ['.leaflet-overlay-pane', '.leaflet-app-focus-pane'].map((s) =>
        Number(getComputedStyle(document.querySelector(s)!).zIndex),
      ),
    );
    expect(panes[1]).toBeGreaterThan(panes[0]!);
    expect(await map.info.innerText()).toContain('City of London');
    await map.page.keyboard.press('Tab');
    await expect.poll(() => outline.count()).toBe(2);
  });

  it('keeps focus on a sort button after sorting with Enter', async () => {
    const map = await openMap();
    const button = map.byTestId('map-table').locator('[data-sort-key="schools"]');
    await button.focus();
    // Enter sorts ascending, then again descending; each time focus stays on the button.
    for (const sort of ['schools', '-schools']) {
      await map.page.keyboard.press('Enter');
      await map.page.waitForURL((url) => url.searchParams.get('sort') === sort);
      await map.settled();
      await expect
        .poll(() => map.page.evaluate(() => document.activeElement?.getAttribute('data-sort-key')))
        .toBe('schools');
    }
  });
});

describe('keys keep focus', () => {
  it('keeps focus on a select changed by arrow keys, the view drawn again around it', async () => {
    const map = await openMap();
    for (const testid of ['region-control', 'date-control']) {
      const select = map.byTestId(testid);
      const before = await select.inputValue();
      await select.focus();
      await map.page.keyboard.press('ArrowDown');
      await expect.poll(() => select.inputValue()).not.toBe(before);
      await map.settled();
      await expect.poll(() => active(map)).toBe(testid);
      // Another arrow goes on from there: the reader can walk the options.
      await map.page.keyboard.press('ArrowDown');
      await map.settled();
      await expect.poll(() => active(map)).toBe(testid);
    }
  });

  it('takes focus from Apply to the results\u2019 heading and says their count', async () => {
    const gaps = await session.page(MapPage);
    await gaps.open('view=gaps');
    const radius = gaps.byTestId('radius-control');
    await radius.fill('25');
    await radius.press('Enter');
    await gaps.page.waitForURL((url) => url.searchParams.get('radius_km') === '25');
    await gaps.settled();
    await expect.poll(() => active(gaps)).toBe('gaps-count');
    expect(await gaps.byTestId('gaps-count').innerText()).toMatch(/^\d+ council areas listed$/);
    await expect.poll(() => gaps.byTestId('announcer').textContent()).toMatch(/^\d+ council areas listed$/);
    expect(await gaps.byTestId('announcer').getAttribute('aria-live')).toBe('polite');
  });

  it('takes focus from "List these areas together" to the list\u2019s heading, the picker closed', async () => {
    const gaps = await session.page(GapsPage);
    await gaps.openGaps('region=East%20of%20England');
    await gaps.byTestId('reach-several-details').locator('summary').click();
    await gaps.byTestId('reach-choose-926').check();
    await gaps.byTestId('reach-choose-935').check();
    await gaps.byTestId('reach-several-apply').focus();
    await gaps.page.keyboard.press('Enter');
    await gaps.page.waitForURL((url) => url.searchParams.get('areas') === '926,935');
    await gaps.settled();
    await expect.poll(() => gaps.page.evaluate(() => document.activeElement?.id)).toBe('reach-heading');
    const count = await gaps.reachCount.innerText();
    expect(count).toMatch(/^[\d,]+ of [\d,]+ located schools in Norfolk and Suffolk/);
    await expect.poll(() => gaps.byTestId('announcer').textContent()).toBe(count);
    // The 150-odd boxes are folded away, so the list is in view (it was about 7,000 px down).
    const details = gaps.byTestId('reach-several-details');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await details.innerText()).toContain('2 chosen');
    const top = await gaps.reachCount.evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeLessThan(await gaps.page.evaluate(() => window.innerHeight));
  });

  it('takes focus from the registry\u2019s Search to the results\u2019 heading and says their count', async () => {
    const registry = await session.page(RegistryPage);
    for (const how of ['field', 'button'] as const) {
      await registry.open('view=registry');
      await registry.byTestId('search-input').fill('Academy');
      if (how === 'button') {
        await registry.byTestId('search-form').getByRole('button', { name: 'Search' }).focus();
      }
      await registry.page.keyboard.press('Enter');
      await registry.page.waitForURL((url) => url.searchParams.get('q') === 'Academy');
      await registry.settled();
      await expect.poll(() => active(registry)).toBe('registry-heading');
      const heading = await registry.byTestId('registry-heading').innerText();
      expect(heading).toMatch(/^[\d,]+ teaching schools? matching "Academy", England$/);
      await expect.poll(() => registry.byTestId('announcer').textContent()).toBe(heading);
      expect(await registry.count.innerText()).toMatch(/^Showing 1 to \d+ of [\d,]+\.$/);
    }
  });
});
