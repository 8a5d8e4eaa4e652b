// Links are shared and edited by hand: a link with a value that is not what its parameter takes opens a sane view
// (the default for that value, the URL mended), never an error for a date that does not exist, and never shows the
// link's own text as if the dashboard said it.
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { MapPage } from './pages/map-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { RegistryPage } from './pages/registry-page.js';

const session = dashboardSession();

describe('a hand-edited link', () => {
  it('with a date that is not a date shows the latest list and mends the URL', async () => {
    for (const bad of ['2019-02-30', '2018-13-01', '0000-00-00']) {
      const overview = await session.page(OverviewPage);
      await overview.openOverview(`as_at=${bad}`);
      expect(overview.param('as_at')).toBe('2018-03-12');
      expect(await overview.heading.innerText()).toBe('Teaching schools');
      expect(await overview.members.innerText()).toContain('808');
      expect(await overview.page.locator('main').innerText()).not.toContain(bad);
      expect(await overview.error.count()).toBe(0);
    }
  });

  it('with a v= that is not a data version does not quote it', async () => {
    const spoof = 'These figures are withdrawn: see example.org';
    const overview = await session.page(OverviewPage);
    await overview.openOverview(`as_at=2018-03-12&v=${encodeURIComponent(spoof)}`);
    expect(await overview.page.locator('body').innerText()).not.toContain('example.org');
    expect(await overview.byTestId('stale-link').count()).toBe(0);
    expect(overview.param('v')).toMatch(/^\d+\.\d{14}$/);
  });

  it('with embed=1 on a view not made for a frame opens the dashboard, navigation and all', async () => {
    const registry = await session.page(RegistryPage);
    await registry.open('view=registry&embed=1');
    expect(registry.param('embed')).toBeNull();
    await registry.networkSwitcher.waitFor();
    await registry.page.locator('nav a[href*="view=map"]').first().click();
    await registry.page.waitForURL(/view=map/);
    await registry.settled();
    expect(registry.page.context().pages()).toHaveLength(1);
  });

  it.each(['london', 'E12000007'])(
    'naming a region as the API takes it (%s) maps that region and names it in the URL',
    async (region) => {
      const map = await session.page(MapPage);
      await map.openMap(`region=${region}`);
      await map.page.waitForURL(/region=London/);
      await map.settled();
      expect(await map.region.inputValue()).toBe('London');
      expect(await map.byTestId('region-total').innerText()).toMatch(/^London: /);
      expect(await map.summary.innerText()).toContain('33 council areas');
    },
  );

  it('naming no region the map knows maps England and leaves region out of the URL', async () => {
    const map = await session.page(MapPage);
    await map.openMap('region=Yorkshire');
    await map.page.waitForURL((url) => !url.searchParams.has('region'));
    await map.settled();
    expect(await map.region.inputValue()).toBe('');
    expect(await map.summary.innerText()).toContain('152 council areas');
    // The region's figures, asked beside the map's, are refused (400): the console's one error.
    map.problems.splice(0, map.problems.length, ...map.problems.filter((p) => !p.includes('400')));
  });

  it('naming a region in other words lists it under its name in the registry, on the same page', async () => {
    const registry = await session.page(RegistryPage);
    await registry.open('view=registry&as_at=2018-03-12&region=LONDON&page=2');
    await registry.page.waitForURL(/region=London/);
    await registry.settled();
    expect(registry.param('page')).toBe('2');
    expect(await registry.page.getByTestId('region-control').inputValue()).toBe('London');
    expect(await registry.byTestId('registry-heading').innerText()).toMatch(/, London$/);
  });

  it.each(['30', '99999999'])('with page=%s past the list shows a page of it', async (page) => {
    const registry = await session.page(RegistryPage);
    await registry.open(`view=registry&as_at=2018-03-12&page=${page}`);
    const last = page === '30';
    if (last) await registry.page.waitForURL(/page=17/);
    await registry.settled();
    expect(await registry.error.count()).toBe(0);
    expect(await registry.byTestId('registry-count').innerText()).toBe(
      last ? 'Showing 801 to 808 of 808.' : 'Showing 1 to 50 of 808.',
    );
  });

  it('without a date keeps its page of the list', async () => {
    const registry = await session.page(RegistryPage);
    await registry.open('view=registry&page=2');
    expect(registry.param('as_at')).toBe('2018-03-12');
    expect(registry.param('page')).toBe('2');
    expect(await registry.byTestId('registry-count').innerText()).toBe('Showing 51 to 100 of 808.');
  });

  it('with a map centre off England (at=0,0,0) shows the areas, not an empty sea', async () => {
    const map = await session.page(MapPage);
    await map.openMap('as_at=2018-03-12&at=0,0,0');
    // The middle of the fitted map is England (an area); of the sea at 0,0, nothing drawn.
    const middle = await map.page.locator('[data-testid=map]').evaluate((el) => {
      el.scrollIntoView({ block: 'center' });
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit?.closest('path[data-testid^="area-"]')?.getAttribute('data-testid') ?? null;
    });
    expect(middle).toMatch(/^area-\d{3}$/);
  });

  it('keeping a region from the map names it only where it narrows the figures', async () => {
    const overview = await session.page(OverviewPage);
    await overview.openOverview('as_at=2018-03-12&region=London');
    expect(await overview.members.innerText()).toContain('808');
    const { embed } = await overview.share();
    expect(embed).toContain('title="Overview: Teaching schools, as at 12 March 2018"');
  });
});
