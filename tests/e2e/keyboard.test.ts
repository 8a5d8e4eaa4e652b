// Keyboard and screen-reader paths: a skip link past the map's area stops, named cluster markers, a focused area
// outlined above the others at national zoom, and focus kept on a sort button after sorting.
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { MapPage } from './pages/map-page.js';

const session = dashboardSession();

async function openMap(query = ''): Promise<MapPage> {
  const map = await session.page(MapPage);
  await map.openMap(query);
  return map;
}

const active = (map: MapPage) =>
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
});
