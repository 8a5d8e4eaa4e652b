// The header's search box, as a reader uses it by keyboard: places, schools and alliances by name, ignoring case,
// accents, punctuation and St/Saint, with the ARIA combobox pattern; choosing one opens it.
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { screenshotPath } from './screenshots.js';

const session = dashboardSession();

async function overview(): Promise<DashboardPage> {
  const page = await session.page(DashboardPage);
  await page.open();
  return page;
}

describe('the search box', () => {
  it('finds Cornwall as a council area and opens its profile by keyboard', async () => {
    const page = await overview();
    const search = page.siteSearch;
    await search.type('Cornwall');
    expect((await search.suggestions())[0]).toBe('Cornwall | Council area');
    await expect.poll(() => search.input.getAttribute('aria-expanded')).toBe('true');
    await search.input.press('ArrowDown');
    const active = await search.input.getAttribute('aria-activedescendant');
    expect(await search.options.first().getAttribute('id')).toBe(active);
    expect(await search.options.first().getAttribute('aria-selected')).toBe('true');
    await page.page.screenshot({
      path: screenshotPath('search-cornwall.png'),
      clip: { x: 0, y: 0, width: 1280, height: 520 },
    });
    await search.input.press('Enter');
    await page.page.waitForURL((url) => url.searchParams.get('view') === 'area');
    await page.settled();
    expect(page.param('area')).toBe('908');
    expect(await page.byTestId('area-name').innerText()).toBe('Cornwall');
  });

  it('finds an establishment by its name in the June 2024 register, and opens its council area', async () => {
    const page = await overview();
    await page.siteSearch.type('Abbey CofE Academy');
    expect((await page.siteSearch.suggestions())[0]).toBe(
      'Abbey CofE Academy | Establishment in West Northamptonshire',
    );
    await page.siteSearch.input.press('ArrowDown');
    await page.siteSearch.input.press('Enter');
    await page.page.waitForURL((url) => url.searchParams.get('view') === 'area');
    await page.settled();
    expect(page.param('area')).toBe('941');
  });

  it('finds Birmingham, and hubs and alliances named after it', async () => {
    const page = await overview();
    await page.siteSearch.type('birmingham');
    const found = await page.siteSearch.suggestions();
    expect(found[0]).toBe('Birmingham | Council area');
    expect(found.some((s) => /Teaching school hub/.test(s))).toBe(true);
  });

  it('finds Trénance without its accent as typed, and opens the school on the map with its name shown', async () => {
    const page = await overview();
    await page.siteSearch.type('Trénance');
    expect(await page.siteSearch.suggestions()).toEqual([
      'Trenance Learning Academy | Teaching school in Cornwall',
    ]);
    await page.siteSearch.input.press('ArrowDown');
    await page.siteSearch.input.press('Enter');
    await page.page.waitForURL((url) => url.searchParams.get('member') === '136312');
    await page.page.locator('[data-testid=map][data-ready=true]').waitFor();
    await expect
      .poll(() => page.page.locator('.leaflet-popup-content').innerText())
      .toContain('Trenance Learning Academy');
    expect(page.param('area')).toBe('908');
  });

  it('finds St Mary\u2019s by "st marys" and by "saint mary"', async () => {
    const page = await overview();
    for (const words of ['st marys', 'saint mary']) {
      await page.siteSearch.type(words);
      const found = await page.siteSearch.suggestions();
      expect(
        found.some((s) => s.startsWith('St Mary\u2019s') || s.startsWith("St Mary's")),
        `${words}: ${found.join('; ')}`,
      ).toBe(true);
    }
  });

  it('closes with Escape and says when nothing matches', async () => {
    const page = await overview();
    await page.siteSearch.type('Cornwall');
    await page.siteSearch.input.press('Escape');
    expect(await page.siteSearch.list.isHidden()).toBe(true);
    expect(await page.siteSearch.input.getAttribute('aria-expanded')).toBe('false');
    await page.siteSearch.type('qqqzzz');
    expect(await page.byTestId('site-search-message').innerText()).toBe(
      'Nothing matches \u2018qqqzzz\u2019. Try a council area, school, alliance or hub (for example Cornwall).',
    );
    expect(await page.byTestId('site-search-status').innerText()).toContain('Nothing matches');
  });
});

describe('a search that forgives', () => {
  it.each([
    ['Middlesborough', 'Middlesbrough'],
    ['Birmigham', 'Birmingham'],
    ['Glouchestershire', 'Gloucestershire'],
  ])(
    'offers %s as %s, saying on screen that nothing is called that; Enter opens it',
    async (typed, place) => {
      const page = await overview();
      await page.siteSearch.type(typed);
      expect(await page.byTestId('site-search-message').innerText()).toMatch(
        new RegExp(
          `^Nothing is called \u2018${typed}\u2019\\. Did you mean (this place|one of these places)\\?$`,
        ),
      );
      expect((await page.siteSearch.suggestions())[0]).toBe(`${place} | Council area`);
      await page.siteSearch.input.press('Enter');
      await page.page.waitForURL((url) => url.searchParams.get('view') === 'area');
      await page.settled();
      expect(await page.byTestId('area-name').innerText()).toBe(place);
      expect(await page.byTestId('site-search-message').isHidden()).toBe(true);
    },
  );

  it('puts Hull the place first, and lists each hub once', async () => {
    const page = await overview();
    await page.siteSearch.type('Hull');
    expect((await page.siteSearch.suggestions())[0]).toBe('Kingston upon Hull, City of | Council area');
    await page.siteSearch.type('The Julian Teaching School Hub');
    const hubs = (await page.siteSearch.suggestions()).filter((s) =>
      s.startsWith('The Julian Teaching School Hub |'),
    );
    expect(hubs).toHaveLength(1);
  });

  it('opens a chosen school\u2019s popup in view, with its URN and its GIAS record', async () => {
    const page = await session.page(DashboardPage);
    await page.page.setViewportSize({ width: 390, height: 844 });
    await page.open();
    await page.siteSearch.type('Trenance');
    await page.siteSearch.input.press('ArrowDown');
    await page.siteSearch.input.press('Enter');
    await page.page.waitForURL((url) => url.searchParams.get('member') === '136312');
    const popup = page.page.locator('.leaflet-popup-content');
    await page.page.locator('[data-testid=map][data-ready=true]').waitFor();
    await expect.poll(() => popup.count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.innerText()).toContain('URN 136312');
    expect(await popup.getByRole('link').getAttribute('href')).toBe(
      'https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/136312',
    );
    await expect
      .poll(() =>
        popup.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    await page.page.screenshot({ path: screenshotPath('search-school-popup-390.png') });
  });
});
