// Names from data are text, never HTML: a member named <img src=x onerror=alert(1)> shows literally, runs nothing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startDashboard, type Dashboard } from './harness.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { RegistryPage } from './pages/registry-page.js';

const EVIL = '<img src=x onerror=alert(1)>';

let dashboard: Dashboard;
let browser: Browser;
beforeAll(async () => {
  // The NLE fixture lists a leader of that name in Lambeth (208), as at 1 May 2014.
  [dashboard, browser] = await Promise.all([
    startDashboard([{ kind: 'nles', fixture: 'networks/nles.csv' }]),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

async function noScriptRan(page: DashboardPage): Promise<void> {
  expect(page.problems).toEqual([]);
  expect(await page.page.locator('img[src=x]').count()).toBe(0);
}

describe('a member named like an HTML tag', () => {
  it('shows literally in the registry and in search results', async () => {
    const registry = new RegistryPage(await browser.newPage(), dashboard.baseUrl);
    await registry.open('network=nles&view=registry&as_at=2014-05-01');
    expect(await registry.table.innerText()).toContain(EVIL);
    await registry.search('img');
    expect(await registry.table.innerText()).toContain(EVIL);
    await noScriptRan(registry);
    await registry.page.close();
  });

  it('shows literally on the area profile and the map', async () => {
    const page = new DashboardPage(await browser.newPage(), dashboard.baseUrl);
    await page.open('network=nles&view=area&area=208&as_at=2014-05-01');
    expect(await page.byTestId('area-members-table').innerText()).toContain(EVIL);
    await page.open('network=nles&view=map&as_at=2014-05-01&area=208');
    await page.page.locator('[data-testid=map][data-ready=true]').waitFor();
    expect(await page.byTestId('map-table').innerText()).toContain('Lambeth');
    await noScriptRan(page);
    await page.page.close();
  });
});
