// On a slow phone a view's code arrives a round trip or more after the networks: the overview's answers are asked
// beside its code, not after it, and the map's areas do not wait for the code that clusters its points (issue 27,
// item 8; the times themselves are measured by bench:web --profile phone).
import { expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { MapPage } from './pages/map-page.js';
import { OverviewPage } from './pages/overview-page.js';

const session = dashboardSession();

it("asks the overview's summary before the view's code has arrived", async () => {
  const overview = await session.page(OverviewPage);
  let summaries = 0;
  let summaryAsked!: () => void;
  const asked = new Promise<'asked'>((resolve) => (summaryAsked = () => resolve('asked')));
  overview.page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/api/v1/summary') return;
    summaries += 1;
    summaryAsked();
  });
  // The view's code is held until the summary is asked (or 5 s pass: then it was asked only after the code).
  let heldUntil: 'asked' | 'timeout' | null = null;
  await overview.page.route(/\/assets\/overview-[\w-]+\.js$/, async (route) => {
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
    heldUntil = await Promise.race([asked, timeout]);
    await route.continue();
  });
  await overview.openOverview();
  expect(heldUntil).toBe('asked');
  // The view asked again and got the answer kept for the page: one summary request in all.
  await overview.settled();
  expect(await overview.members.innerText()).toMatch(/\d/);
  expect(summaries).toBe(1);
});

it("draws the map's areas before the code that clusters its points is asked for", async () => {
  const map = await session.page(MapPage);
  // The clustering code is held until the 152 areas are drawn (or 5 s pass: then the areas waited for it).
  let heldUntil: 'drawn' | 'timeout' | null = null;
  await map.page.route(/\/assets\/member-layer-[\w-]+\.js$/, async (route) => {
    const drawn = map.areas
      .nth(151)
      .waitFor({ state: 'attached', timeout: 5000 })
      .then(() => 'drawn' as const)
      .catch(() => 'timeout' as const);
    heldUntil = await drawn;
    await route.continue();
  });
  await map.openMap();
  expect(heldUntil).toBe('drawn');
  // Then the points come: the map is ready once they are on it.
  expect(await map.areas.count()).toBe(152);
});
