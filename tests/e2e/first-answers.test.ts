// On a slow phone a view's code arrives a round trip or more after the networks: the overview's answers are asked
// beside its code, not after it (issue 27, item 8; the time itself is measured by bench:web --profile phone).
import { expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
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
