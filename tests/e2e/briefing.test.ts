// Downloads ready for a briefing and a spreadsheet: images name their actual sources and their data date in words,
// and no label is cut off or on top of another; an area's map carries its legend and figures; every CSV has a BOM,
// the table's own headings and a file name that names its filters.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { DashboardPage, textProblems, type Downloaded } from './pages/dashboard-page.js';
import { screenshotPath } from './screenshots.js';

const session = dashboardSession([], {}, { acceptDownloads: true });

async function open(query: string): Promise<DashboardPage> {
  const page = await session.page(DashboardPage);
  await page.open(query);
  return page;
}

/** Shows a downloaded SVG in a page of its own (as an image viewer would) and lists its text problems. */
async function svgProblems(svg: Downloaded, screenshot?: string): Promise<string[]> {
  const page = await session.context.newPage();
  await page.setContent(
    `<!doctype html><body style="margin:0">${svg.bytes.toString().replace(/^<\?xml[^>]*>/, '')}</body>`,
  );
  if (screenshot)
    await page
      .locator('svg')
      .first()
      .screenshot({ path: screenshotPath(screenshot) });
  return textProblems(page);
}

const IMAGES: [string, string, string][] = [
  [
    'the map',
    'view=map&region=South%20West&metric=schools_beyond_km&radius_km=20',
    'briefing-map-south-west.png',
  ],
  ['an area\u2019s map', 'view=area&area=908', 'briefing-area-cornwall.png'],
  ['the chart of members by region', '', 'briefing-regions.png'],
];

describe('images for a briefing', () => {
  it.each(IMAGES)(
    '%s: every label inside the image and apart from the others',
    async (_what, query, shot) => {
      const page = await open(query);
      const svg = await page.download('download-svg');
      expect(await svgProblems(svg, shot)).toEqual([]);
      const text = svg.bytes.toString();
      expect(text).toMatch(/Data as of \d{1,2} [A-Z][a-z]+ \d{4} \(import \d+\)\./);
      expect(text).not.toMatch(/Data version: \d+\.\d{14}/);
      expect(text).toContain(
        'Teaching schools list of 12 March 2018 (nctl_teaching_schools_2018-03-12_raw.csv)',
      );
      expect(text).toContain('Contains OS data © Crown copyright and database right 2016.');
      const png = await page.download('download-png');
      expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    },
  );

  it('an area\u2019s map carries its legend and its figures', async () => {
    const page = await open('view=area&area=908');
    // Its words, line after line (a long sentence is wrapped over several <text> lines).
    const text = [
      ...(await page.download('download-svg')).bytes.toString().matchAll(/<text[^>]*>([^<]*)<\/text>/g),
    ]
      .map((m) => m[1])
      .join(' ');
    expect(text).toContain('At least one teaching school');
    expect(text).toContain('No teaching school');
    expect(text).toMatch(
      /\d+ teaching schools serving Cornwall; [\d,]+ establishments; [\d.]+ per 100 establishments\./,
    );
    expect(text).toMatch(/[\d,]+ establishments more than 15 km from a teaching school\./);
    // The source names the extract the answer counted, the one nearer the date.
    expect(text).toContain(
      'GIAS establishments extract of 12 March 2018 (gias_open_establishments_2018-03-12.csv)',
    );
  });
});

/** A CSV's text without its BOM, having checked it has one. */
function csvText(csv: Downloaded): string {
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return csv.bytes.toString().slice(1);
}

/** The table's headings as shown, for comparing with a CSV's header row. */
async function headings(page: DashboardPage, testid: string): Promise<string[]> {
  return page
    .byTestId(testid)
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => th.textContent!.trim()));
}

describe('spreadsheet-ready CSVs', () => {
  it.each([
    [
      'the map',
      'view=map&region=London&phase=Primary',
      'map-table',
      'teaching-schools-map-members-london-primary-2018-03-12.csv',
    ],
    [
      'the gap finder',
      'view=gaps&region=North%20East&radius_km=10',
      'gaps-table',
      'teaching-schools-gaps-north-east-10km-2018-03-12.csv',
    ],
    [
      'the registry',
      'view=registry&region=London&phase=Secondary&q=academy',
      'registry-table',
      'teaching-schools-members-london-secondary-academy-2018-03-12.csv',
    ],
  ])(
    '%s: a BOM, the table\u2019s own headings and a name that names its filters',
    async (_what, query, table, name) => {
      const page = await open(query);
      const csv = await page.download('download-csv');
      expect(csv.filename).toBe(name);
      const header = csvText(csv).split('\r\n')[0]!;
      const shown = (await headings(page, table)).filter((h) => h !== 'Map');
      for (const heading of shown)
        expect(header, heading).toContain(heading.includes(',') ? `"${heading}"` : heading);
    },
  );

  it('the reach list: every school beyond the radius in the area, with its GIAS record', async () => {
    const page = await open('view=gaps&region=South%20West&area=908&radius_km=20');
    const count = Number((await page.byTestId('reach-count').innerText()).split(' ')[0]!.replace(/,/g, ''));
    const reach = await page.download('download-csv', page.byTestId('reach'));
    expect(reach.filename).toBe('teaching-schools-schools-beyond-20km-cornwall-2018-03-12.csv');
    const lines = csvText(reach).trim().split('\r\n');
    expect(lines).toHaveLength(count + 1);
    expect(lines[0]).toBe(
      'School,URN,Phase,Council area,Distance to nearest teaching school (km),Nearest teaching school,GIAS record',
    );
    // Each school named as GIAS registered it in June 2024 (issue 26).
    expect(lines[1]).toMatch(
      /^[^,]+,\d+,[^,]*,Cornwall,[\d.]+,.+,https:\/\/get-information-schools\.service\.gov\.uk\//,
    );
  });

  it('several areas in one list and one download: Norfolk and Suffolk, secondary, beyond 15 km', async () => {
    const page = await open('view=gaps&region=East%20of%20England&phase=Secondary');
    await page.byTestId('reach-several').locator('xpath=ancestor::details/summary').click();
    await page.byTestId('reach-choose-926').check();
    await page.byTestId('reach-choose-935').check();
    await page.byTestId('reach-several-apply').click();
    await page.page.waitForURL((url) => url.searchParams.get('areas') === '926,935');
    await page.settled();
    const said = await page.byTestId('reach-count').innerText();
    // The phase narrows both sides, and the page says so: secondary schools, measured from secondary members.
    expect(said).toMatch(
      /^[\d,]+ of [\d,]+ located schools of phase Secondary in Norfolk and Suffolk are more than 15 km from every teaching school of phase Secondary\. The phase applies to the schools listed and to the teaching schools measured from/,
    );
    const count = Number(said.split(' ')[0]!.replace(/,/g, ''));
    expect(count).toBeGreaterThan(0);
    await page.byTestId('reach').screenshot({ path: screenshotPath('reach-norfolk-suffolk-1280.png') });
    const csv = await page.download('download-csv', page.byTestId('reach'));
    expect(csv.filename).toBe(
      'teaching-schools-schools-beyond-15km-norfolk-and-suffolk-secondary-2018-03-12.csv',
    );
    const lines = csvText(csv).trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(count);
    const areas = new Set(lines.map((l) => l.split(',')[3]));
    expect([...areas].sort()).toEqual(['Norfolk', 'Suffolk']);
    expect(lines.every((l) => l.split(',')[2] === 'Secondary')).toBe(true);
    // Each school's nearest teaching school is a secondary one (the nearest of any phase may be a primary).
    const rows = Papa.parse<Record<string, string>>(csvText(csv).trim(), { header: true }).data;
    const nearest = 'Nearest teaching school of phase Secondary';
    expect(Object.keys(rows[0]!)).toContain(nearest);
    const secondary = await (
      await fetch(
        `${page.page.url().replace(/\/\?.*/, '')}/api/v1/members?network=teaching-schools&as_at=2018-03-12&phase=Secondary&limit=1000`,
      )
    ).json();
    const names = new Set((secondary.rows as { name: string }[]).map((m) => m.name));
    for (const row of rows) expect(names, row[nearest]).toContain(row[nearest]!.replace(/ \([^)]*\)$/, ''));
  });
});
