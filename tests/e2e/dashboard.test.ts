// End to end: the real server on the shipped data, driven in Chromium through page objects and data-testids.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { AreaPage } from './pages/area-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { MapPage } from './pages/map-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { screenshotPath } from './screenshots.js';

const OGL =
  'Contains public sector information licensed under the Open Government Licence v3.0. ' +
  'Contains National Statistics data © Crown copyright and database right 2016. ' +
  'Contains OS data © Crown copyright and database right 2016.';

const session = dashboardSession([], {}, { acceptDownloads: true });
const page = session.page;

describe('overview', () => {
  it('shows 808 teaching schools, 640 alliances and 149 of 152 council areas, with the OGL attribution', async () => {
    const overview = await page(OverviewPage);
    await overview.openOverview();
    expect(await overview.members.innerText()).toMatch(/^808\s+teaching schools/);
    expect(await overview.groups.innerText()).toMatch(/^640\s+alliances/);
    expect(await overview.coverage.innerText()).toMatch(/^149 of 152\s+council areas with a teaching school/);
    expect(await overview.attribution.innerText()).toBe(OGL);
    expect(overview.param('as_at')).toBe('2018-03-12');
  });

  it('shows the targets dated by the evidence, each naming its source, with a caution for a secondary one', async () => {
    const overview = await page(OverviewPage);
    await overview.openOverview();
    const cards = await overview.targets.allInnerTexts();
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain('500 teaching schools by March 2015');
    expect(cards[0]).toContain('Met');
    expect(cards[0]).toMatch(/Reached\s+April 2014/);
    expect(cards[0]).toContain('335 to 364 days early');
    expect(cards[0]).toContain('(Department for Education, 26 May 2014)');
    expect(cards[1]).toContain('Undetermined');
    expect(cards[1]).toContain('between 27 May 2014 and 12 March 2018');
    expect(await overview.targets.nth(1).getByTestId('target-caution').innerText()).toMatch(
      /^This target rests on a secondary, undated page \(Beyth teaching school\)/,
    );
  });

  it('says what the pupils figure counts, and counts each hub once by region: 87, London 10', async () => {
    const overview = await page(OverviewPage);
    await overview.openOverview();
    expect(await overview.byTestId('headline-pupils').innerText()).toMatch(
      /^554,967\s+pupils on roll in 753 of 808 teaching schools\s+A lower bound/,
    );
    await overview.openOverview('network=hubs');
    const rows = await overview.byTestId('region-figure').locator('tbody tr').allInnerTexts();
    const cells = rows.map((r) => r.split('\t'));
    expect(cells.reduce((n, r) => n + Number(r[1]), 0)).toBe(87);
    expect(cells.find((r) => r[0] === 'London')![1]).toBe('10');
  });

  it('after the network\u2019s end says it had ended, when, and the nearest published total', async () => {
    const overview = await page(OverviewPage);
    await overview.openOverview('as_at=2030-01-01');
    expect(await overview.members.innerText()).toMatch(
      /^Ended\s+Teaching schools had ended\s+Teaching schools ended on 31 August 2021/,
    );
    expect(await overview.published.innerText()).toMatch(
      /^733\s+teaching schools: nearest published total \(1 March 2021\)/,
    );
    await overview.openOverview('as_at=2021-06-01');
    expect(await overview.members.innerText()).toMatch(
      /^808\s+teaching schools\s+List of 12 March 2018, 1,177 days before 1 June 2021: nothing between them is observed; a published total nearer the date: 733/,
    );
  });

  it('changing the date changes the figures, and Back brings them back', async () => {
    const overview = await page(OverviewPage);
    await overview.openOverview();
    await overview.chooseDate('2014-05-26');
    expect(await overview.members.innerText()).toBe(
      'No data by council area: no member list of teaching schools is held on or before 26 May 2014. The ' +
        'figure above is the published national total.',
    );
    expect(await overview.published.innerText()).toMatch(
      /^548\s+teaching schools: nearest published total \(26 May 2014\)/,
    );
    await overview.page.goBack();
    await overview.settled();
    expect(overview.param('as_at')).toBe('2018-03-12');
    expect(await overview.members.innerText()).toMatch(/^808/);
  });

  it('switches network: NLEs have national figures but no member list, said as "no data", not zero', async () => {
    const overview = await page(OverviewPage);
    await overview.openOverview();
    await overview.networkSwitcher.selectOption('nles');
    await overview.page.waitForURL((url) => url.searchParams.get('network') === 'nles');
    await overview.settled();
    // It opens on the published figure, first; one line (not a hatched card) says what is not known.
    const cards = overview.byTestId('headlines').locator(':scope > *');
    expect(await cards.count()).toBe(1);
    expect(await cards.first().getAttribute('data-testid')).toBe('headline-published');
    expect(await overview.published.innerText()).toMatch(/^987\s+national leaders of education/);
    expect(await overview.members.innerText()).toBe(
      'No data by council area: no list of the national leaders of education themselves is held, only ' +
        'published totals. The figure above is the published national total.',
    );
    expect(await overview.page.locator('.app-card--no-data').count()).toBe(0);
    await overview.page.setViewportSize({ width: 390, height: 844 });
    expect((await overview.published.boundingBox())!.y).toBeLessThan(844);
    await overview.page.screenshot({ path: screenshotPath('overview-nles-390.png') });
    expect(await overview.targets.first().innerText()).toContain(
      '1,000 national leaders of education by March 2015',
    );
    expect(await overview.targets.first().innerText()).toContain('Met, later fell below');
    expect(await overview.targets.first().innerText()).toContain(
      'Later below 1,000: 991 (derived) on 1 December 2020',
    );
  });
});

describe('coverage map', () => {
  it('draws 152 council areas, region outlines and a legend, with a one-sentence summary', async () => {
    const map = await page(MapPage);
    await map.openMap();
    expect(await map.areas.count()).toBe(152);
    expect(await map.legend.innerText()).toContain('None (no teaching school)');
    expect(await map.summary.innerText()).toBe(
      '3 of 152 council areas have no teaching school: City of London, Isles of Scilly and Isle of Wight. ' +
        'The most are in Kent (24).',
    );
  });

  it('shows an area\u2019s figures on keyboard focus and opens its profile with Enter', async () => {
    const map = await page(MapPage);
    await map.openMap();
    await map.area('202').focus();
    expect(await map.info.innerText()).toContain('Camden');
    await map.page.keyboard.press('Enter');
    const area = new AreaPage(map.page, session.dashboard.baseUrl);
    await area.settled();
    expect(await area.name.innerText()).toBe('Camden');
    expect(area.param('area')).toBe('202');
  });

  it('clicking an area opens its profile', async () => {
    const map = await page(MapPage);
    await map.openMap('region=London');
    await map.area('202').click();
    const area = new AreaPage(map.page, session.dashboard.baseUrl);
    await area.name.waitFor();
    expect(await area.name.innerText()).toBe('Camden');
    expect(await area.members.innerText()).toMatch(/^2\s+teaching schools/);
    expect(await area.memberTable.innerText()).toContain('Eleanor Palmer Primary School');
  });

  it('shows the published figures for NLEs, which have no member list, not an all-hatched map', async () => {
    const map = await page(MapPage);
    await map.open('view=map&network=nles');
    expect(await map.page.locator('[data-testid=map]').count()).toBe(0);
    expect(await map.byTestId('no-list').innerText()).toContain(
      'show no data (which is not the same as none)',
    );
    expect(await map.byTestId('published-list').innerText()).toMatch(/national leaders of education/);
  });

  it('on a date with published figures only, shows them with their sources', async () => {
    const map = await page(MapPage);
    await map.open('view=map&as_at=2014-05-26');
    const list = await map.byTestId('published-list').innerText();
    expect(list).toContain('548 teaching schools');
    expect(list).toContain('95.0% of council areas covered');
    expect(list).toContain('DfE press release');
  });
});

describe('links', () => {
  it('a copied URL reopens exactly the view: network, date, metric, region and selected area', async () => {
    const map = await page(MapPage);
    await map.openMap();
    await map.metric.selectOption('covered');
    await map.page.waitForURL((url) => url.searchParams.get('metric') === 'covered');
    await map.settled();
    await map.region.selectOption('South East');
    await map.page.waitForURL((url) => url.searchParams.get('region') === 'South East');
    await map.settled();
    const copied = map.page.url();
    expect(copied).toContain('as_at=2018-03-12');
    expect(copied).toMatch(/[?&]v=/);

    const again = await page(MapPage);
    await again.page.goto(copied);
    await again.page.locator('[data-testid=map][data-ready=true]').waitFor();
    expect(again.page.url()).toBe(copied);
    expect(await again.metric.inputValue()).toBe('covered');
    expect(await again.region.inputValue()).toBe('South East');
    expect(await again.summary.innerText()).toBe(
      '1 of 19 council areas has no teaching school: Isle of Wight.',
    );
    expect(await again.byTestId('stale-link').count()).toBe(0);

    await again.area('921').click();
    const area = new AreaPage(again.page, session.dashboard.baseUrl);
    await area.name.waitFor();
    const profile = await page(AreaPage);
    await profile.page.goto(area.page.url());
    await profile.name.waitFor();
    expect(await profile.name.innerText()).toBe('Isle of Wight');
    expect(profile.param('region')).toBe('South East');
  });

  it('says so when the data has changed since a link was made', async () => {
    const overview = await page(OverviewPage);
    await overview.openOverview('as_at=2018-03-12&v=1.20200101000000');
    expect(await overview.byTestId('stale-link').innerText()).toContain(
      'The data has changed since this link was made',
    );
  });

  it('shows an API error as a message in the page', async () => {
    const area = await page(AreaPage);
    await area.open('view=area&area=999');
    expect(await area.error.innerText()).toContain("no council area '999'");
    // The failed request is the one console error this page may have.
    area.problems.splice(0, area.problems.length, ...area.problems.filter((p) => !p.includes('404')));
  });
});

describe('downloads and embeds', () => {
  it('downloads the progress chart as PNG and SVG (title, date, data version, source inside) and CSV', async () => {
    const progress = await page(DashboardPage);
    await progress.open('view=progress');
    const png = await progress.download('download-png');
    expect(png.filename).toBe('teaching-schools-progress-2018-03-12.png');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const svg = await progress.download('download-svg');
    const text = svg.bytes.toString();
    expect(text).toContain('<svg');
    expect(text).toContain('Teaching schools over time');
    expect(text).toContain('chosen date 12 March 2018');
    expect(text).toMatch(/Data as of \d{1,2} [A-Z][a-z]+ \d{4} \(import \d+\)\./);
    expect(text).toContain('Contains OS data © Crown copyright and database right 2016.');
    const csv = await progress.download('download-csv');
    const lines = csv.bytes
      .toString()
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Date,Dated to the,Teaching schools,Qualifier,Values it allows,Source,"Published by, on",Source URL',
    );
    expect(lines.some((l) => l.startsWith('2014-05-26,day,548,exact,548,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('2013-04-18,day,360,just over,360 to 396,'))).toBe(true);
  });

  it('charts council-area coverage over time, published and from the lists, with its table', async () => {
    const progress = await page(DashboardPage);
    await progress.open('view=progress');
    const figure = progress.byTestId('coverage-over-time-figure');
    expect(await figure.locator('svg[role=img] g[aria-label="Figures"] > g').count()).toBe(3);
    const rows = await progress.byTestId('coverage-over-time-table').locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 5))).toEqual([
      ['26 May 2014', 'day', '95%', '144 or 145', '152'],
      ['12 March 2018', 'day', '98.0%', '149', '152'],
      ['1 December 2019', 'day', '98.7%', '148', '150'],
    ]);
    const notes = await figure.locator('g[aria-label="Figures"] text').allTextContents();
    expect(notes).toEqual(['144\u2013145 of 152', '149 of 152', '148 of 150']);
    // 149 areas of 152, then 148 of 150: a rise in the share, a fall in areas covered, drawn as the fall it is.
    const marks = figure.locator('svg[role=img] g[aria-label="Figures"] > g');
    const middle = async (n: number) => {
      const box = (await marks.nth(n).boundingBox())!;
      return box.y + box.height / 2;
    };
    expect(await middle(2)).toBeGreaterThan(await middle(1));
  });

  it('shows every other published figure with its qualifier and source, and the rounds\u2019 totals', async () => {
    const progress = await page(DashboardPage);
    await progress.open('view=progress');
    const other = await progress.byTestId('other-figures-table').innerText();
    expect(other).toContain('Teaching school alliances');
    expect(other).toContain('over 1,000,000');
    expect(other).toContain('Well over 1 million');
    const rounds = await progress.byTestId('rounds-table').locator('tbody tr').allInnerTexts();
    expect(rounds[1]).toContain('just over 360');
    expect(rounds[2]).toContain('about 348');
    expect(rounds[2]).toContain('at least 12 fewer between them');
  });

  it('lists the publications with publisher, date published and their words, and the definitions', async () => {
    const sources = await page(DashboardPage);
    await sources.open('view=sources');
    const rows = await sources.byTestId('sources-table').locator('tbody tr').allInnerTexts();
    const press = rows.find((r) => r.startsWith('DfE press release'))!;
    expect(press).toContain('Department for Education, 26 May 2014');
    expect(press).toContain('primary');
    const beyth = rows.find((r) => r.startsWith('Beyth'))!;
    expect(beyth).toContain('undated');
    expect(beyth).toContain('secondary');
    expect(await sources.byTestId('definitions').innerText()).toContain('Establishment');
  });

  it('lists the council areas each hub serves in the registry', async () => {
    const registry = await page(DashboardPage);
    await registry.open('view=registry&network=hubs');
    const table = registry.byTestId('registry-table');
    expect(await table.locator('thead').innerText()).toContain('Council areas served');
    expect(await table.innerText()).not.toContain('no data');
    expect(
      await table.locator('tbody tr', { hasText: 'Central London Teaching School Hub' }).innerText(),
    ).toContain('City of London, Camden');
  });

  it('downloads the map\u2019s figures as CSV, one row per council area', async () => {
    const map = await page(MapPage);
    await map.openMap();
    const csv = await map.download('download-csv');
    const lines = csv.bytes.toString().trim().split('\r\n');
    expect(lines).toHaveLength(153);
    expect(lines.find((l) => l.includes(',202,'))).toContain('Camden,202,London,2,');
  });

  it.each([
    [
      'the progress chart',
      'view=progress',
      'teaching-schools-progress-2018-03-12',
      'Teaching schools over time',
    ],
    [
      'the map',
      'view=map',
      'teaching-schools-map-members-2018-03-12',
      'Number of teaching schools by council area, England',
    ],
    [
      'the registry\u2019s whole list',
      'view=registry',
      'teaching-schools-members-2018-03-12',
      'Teaching schools registry: Teaching schools, England',
    ],
  ])(
    'downloads %s as a ZIP: the CSV download, byte for byte, and a README',
    async (_, query, name, title) => {
      const view = await page(DashboardPage);
      await view.open(query);
      const csv = await view.download('download-csv');
      const zip = await view.download('download-zip');
      expect(zip.filename).toBe(`${name}.zip`);
      const files = unzipSync(zip.bytes);
      expect(Object.keys(files)).toEqual([`${name}.csv`, 'README.txt']);
      expect(Buffer.from(files[`${name}.csv`]!)).toEqual(csv.bytes);
      const readme = strFromU8(files['README.txt']!);
      expect(readme.split('\r\n')[0]).toBe(title);
      expect(readme).toMatch(/\r\nData version: \d+\.\d{14} \(import \d+ of /);
      expect(readme).toContain(
        `\r\n  1. ${
          csv.bytes
            .toString()
            .replace(/^\ufeff/, '')
            .split(',')[0]
        }\r\n`,
      );
      expect(readme).toContain(`\r\n  ${view.page.url()}\r\n`);
      expect(readme).toContain(`\r\n${OGL}\r\n`);
    },
  );

  it('?embed=1 shows the chart alone, with its date and the attribution', async () => {
    const embed = await page(DashboardPage);
    await embed.open('view=progress&embed=1');
    expect(await embed.byTestId('embed').locator('svg[role=img]').count()).toBe(1);
    expect(await embed.byTestId('embed').innerText()).toContain('chosen date 12 March 2018');
    expect(await embed.attribution.innerText()).toBe(
      'Contains public sector information licensed under the Open Government Licence v3.0; National ' +
        'Statistics and OS data \u00a9 Crown copyright and database right 2016.',
    );
    expect(await embed.page.locator('nav').count()).toBe(0);
  });
});
