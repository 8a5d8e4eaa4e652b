// Hubs over time in Chromium, on the shipped data's six real lists (1 September 2021 to 30 September 2025): the
// overview, map, registry and area profile on a date in 2022 and in 2025, the Changes view stepped through the
// lists, a network with one list, and the Admin preview of a made-up list dated between the first two.
import { describe, expect, it } from 'vitest';
import { dashboardSession } from './harness.js';
import { AdminPage } from './pages/admin-page.js';
import { AreaPage } from './pages/area-page.js';
import { ChangesPage } from './pages/changes-page.js';
import { GapsPage } from './pages/gaps-page.js';
import { MapPage } from './pages/map-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { RegistryPage } from './pages/registry-page.js';

const TOKEN = 'e2e-admin-token-hubs-0123456789';
const session = dashboardSession([], { adminToken: TOKEN });
const page = session.page;

const ON_2022 = 'network=hubs&as_at=2022-06-01';
const ON_2025 = 'network=hubs&as_at=2025-10-01';

describe('hubs on a date in 2022 and in 2025', () => {
  it('overview: the list in force, all the areas of the day, and each hub counted once by region', async () => {
    const overview = await page(OverviewPage);
    // 152 areas in 2022 (North and West Northamptonshire, Cumbria), 153 in 2025 (Cumberland, Westmorland and Furness).
    for (const [query, list, areas] of [
      [ON_2022, '1 September 2021', 152],
      [ON_2025, '30 September 2025', 153],
    ] as const) {
      await overview.openOverview(query);
      expect(await overview.members.innerText()).toMatch(/^87\s+teaching school hubs\s+List of /);
      expect(await overview.members.innerText()).toContain(list);
      expect(await overview.coverage.innerText()).toMatch(new RegExp(`^${areas} of ${areas}`));
      const regions = await overview.page
        .locator('[data-testid=region-figure] table tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) =>
            [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()).join(' '),
          ),
        );
      // Four hubs serve the North East's twelve areas in both lists (NOR3-6; NE1-4), not twelve.
      expect(regions.find((r) => r.startsWith('North East'))).toMatch(/^North East 4 12 12$/);
    }
  });

  it('map: 152 areas; hubs at their own list’s lead schools (82 of 87 in 2021), none taken from an earlier list', async () => {
    const map = await page(MapPage);
    await map.openMap(ON_2022);
    expect(await map.areas.count()).toBe(152);
    expect(await map.byTestId('map-points').innerText()).toMatch(/^82 of the 87 teaching school hubs/);
    // A hub's popup names its lead school as the June 2024 register does.
    await map.openMap(`${ON_2022}&member=EENEL2`);
    await expect
      .poll(() => map.page.locator('.leaflet-popup-content').innerText())
      .toContain('School (GIAS register, June 2024): Colchester County High School for Girls');
    await map.openMap(ON_2025);
    expect(await map.byTestId('map-points').innerText()).toMatch(
      /^No locations are held for teaching school hubs/,
    );
  });

  it('gap finder: Thurrock served by its hub, no distances, and phase does not filter hubs', async () => {
    const gaps = await page(GapsPage);
    await gaps.openGaps(`${ON_2025}&phase=Secondary`);
    const said = await gaps.byTestId('gaps-hub-reach').innerText();
    expect(said).toContain('Phase does not filter hubs (a hub serves every phase)');
    expect(await gaps.page.getByText('Distance from a member').count()).toBe(0);
    const thurrock = (await gaps.tableRows('gaps-table')).find((r) => r[0] === 'Thurrock')!;
    expect(thurrock.join(' ')).toContain(
      'served by EE5 Chafford Hundred South Essex Teaching School Hub (Thurrock)',
    );
    expect(await gaps.byTestId('reach-unmeasured').innerText()).toContain(
      'reach the council areas they serve, not a distance from a school',
    );
  });

  it('gap finder: lists the establishments no hub serves, and says where which cannot be said', async () => {
    const gaps = await page(GapsPage);
    // The lists of 2023 name no hub for West Northamptonshire: its 209 establishments (open in the register of June 2024) are listed by name.
    await gaps.openGaps('network=hubs&as_at=2023-11-01');
    expect(await gaps.reachCount.innerText()).toBe(
      '209 establishments in England are in no hub\u2019s areas on the list answering 1 November 2023.',
    );
    expect((await gaps.tableRows('reach-table'))[0]).toEqual([
      'Abbey CofE Academy (its GIAS record)',
      '140190',
      'Primary',
      'West Northamptonshire',
      'All of West Northamptonshire',
    ]);
    // 2025: every area served, Suffolk in parts the list does not define.
    await gaps.openGaps(ON_2025);
    expect(await gaps.reachCount.innerText()).toMatch(
      /^0 establishments in England .* 1 area is served in part, and which of their establishments lie in the part no hub names cannot be said:$/,
    );
    expect(await gaps.byTestId('reach-unknown-935').innerText()).toBe(
      'Suffolk: no hub names Suffolk Coastal and Waveney as a whole; East Suffolk North and East Suffolk South ' +
        'are parts the list does not define, which may cover any of Suffolk Coastal and Waveney, so which ' +
        'establishments no hub serves cannot be said.',
    );
  });

  it('registry: each list\u2019s hubs, with their code, lead school and the list\u2019s own area apart from the region', async () => {
    const registry = await page(RegistryPage);
    await registry.open(`view=registry&${ON_2022}&q=Alpha`);
    expect(await registry.tableRows('registry-table')).toEqual([
      [
        'Alpha Teaching School Hub',
        'EENEL2',
        '137515',
        'Essex, Suffolk',
        'East of England',
        'East of England and North East London (EENEL)',
      ],
    ]);
    await registry.open(`view=registry&${ON_2025}&q=Unity`);
    expect((await registry.tableRows('registry-table')).map((r) => r.slice(0, 3))).toEqual([
      ['Unity Teaching School Hub', 'EE2', 'not listed'],
      ['Unity Teaching School Hub', 'EE6', 'not listed'],
    ]);
    await registry.open(`view=registry&${ON_2022}&region=West%20Midlands&q=Cheshire`);
    expect(await registry.count.innerText()).toBe('Nothing matches.');
  });

  it('area profile: Suffolk\u2019s hubs of each list', async () => {
    const area = await page(AreaPage);
    const names = async () => (await area.tableRows('area-members-table')).map((r) => `${r[1]} ${r[0]}`);
    await area.open(`view=area&area=935&${ON_2022}`);
    expect(await names()).toEqual([
      'EENEL2 Alpha Teaching School Hub',
      'EENEL10 Inspiration Teaching School Hub',
      'EENEL8 Unity Teaching School Hub',
    ]);
    await area.open(`view=area&area=935&${ON_2025}`);
    expect(await names()).toEqual([
      'EE10 Inspiration Teaching School Hub',
      'EE2 Unity Teaching School Hub',
      'EE6 Unity Teaching School Hub',
    ]);
  });
});

describe('Changes', () => {
  it('classifies every hub area between the first and last lists, stepped through those between', async () => {
    const changes = await page(ChangesPage);
    await changes.openChanges('network=hubs&from=2021-09-01&to=2025-10-01');
    expect(await changes.byTestId('changes-answered').innerText()).toBe(
      '1 September 2021 is answered by its own list; 1 October 2025 by the list of 30 September 2025 (1 day ' +
        'earlier).',
    );
    expect(await changes.hubSummary.innerText()).toBe(
      'Between the lists of 1 September 2021 and 30 September 2025: 85 areas continue under the same hub (4 ' +
        'renamed, 5 run by another organisation), 2 to a successor by areas (nothing on the lists says the ' +
        'same hub or another), 0 led by another hub, 0 new, 0 ended and 0 redrawn. 0 matches rest on weak ' +
        'evidence, listed with it.',
    );
    expect((await changes.tableRows('changes-lists')).map((r) => r[0])).toEqual([
      '1 September 2021',
      '3 October 2023',
      '5 December 2023',
      '14 August 2024',
      '16 October 2024',
      '30 September 2025',
    ]);
    // Another organisation, successor by areas, led by another hub.
    expect((await changes.tableRows('hub-changes-steps')).map((r) => [r[0], r[1], r[4], r[5], r[6]])).toEqual(
      [
        ['1 September 2021', '3 October 2023', '0', '2', '0'],
        ['3 October 2023', '5 December 2023', '0', '0', '0'],
        ['5 December 2023', '14 August 2024', '0', '0', '0'],
        ['14 August 2024', '16 October 2024', '4', '0', '0'],
        ['16 October 2024', '30 September 2025', '1', '0', '0'],
      ],
    );
    expect(await changes.tableRows('hub-changes-areas')).toHaveLength(87);
    await changes.show('successor');
    const taken = await changes.tableRows('hub-changes-areas');
    expect(taken.map((r) => [r[0], r[1]!.split(':')[0], r[2]!.split(':')[0]])).toEqual([
      ['Successor by areas', 'EMH11', 'YH1'],
      ['Successor by areas', 'LWY14', 'YH8'],
    ]);
    expect(taken[0]![3]).toContain('no code, URN, website or name in common: its successor by areas');
    expect(taken[0]![3]).toContain('EMH11 and LWY14 had one lead school (URN 137482)');
    await changes.show('renamed');
    expect((await changes.tableRows('hub-changes-areas')).map((r) => r[2]!.split(':')[0])).toContain('YH6');
    await changes.show('weak');
    expect(await changes.tableRows('hub-changes-areas')).toEqual([['None.']]);
  });

  it('compares any two dates, each answered by its list, and opens each step with the evidence of each pair', async () => {
    const changes = await page(ChangesPage);
    await changes.openChanges('network=hubs&from=2022-01-01&to=2024-09-01');
    expect(await changes.byTestId('changes-answered').innerText()).toBe(
      '1 January 2022 is answered by the list of 1 September 2021 (122 days earlier); 1 September 2024 by the ' +
        'list of 14 August 2024 (18 days earlier).',
    );
    expect(await changes.hubSummary.innerText()).toMatch(
      /^Between the lists of 1 September 2021 and 14 August 2024: /,
    );
    const steps = await changes.tableRows('hub-changes-steps');
    expect(steps.map((r) => r.at(-1))).toEqual([
      'Open the step from 1 September 2021 to 3 October 2023',
      'Open the step from 3 October 2023 to 5 December 2023',
      'Open the step from 5 December 2023 to 14 August 2024',
    ]);
    // A date typed into the field: any day, not only a list's.
    await changes.byTestId('from-control').fill('2023-11-01');
    await changes.byTestId('from-control').dispatchEvent('change');
    await changes.page.waitForURL((url) => url.searchParams.get('from') === '2023-11-01');
    await changes.settled();
    expect(await changes.byTestId('changes-answered').innerText()).toMatch(
      /^1 November 2023 is answered by the list of 3 October 2023 \(29 days earlier\)/,
    );
    // One step opened: every pair with the evidence that decided it.
    await changes.openChanges('network=hubs&from=2022-01-01&to=2024-09-01');
    await changes.page
      .getByRole('link', { name: 'Open the step from 1 September 2021 to 3 October 2023' })
      .click();
    await changes.page.waitForURL((url) => url.searchParams.get('to') === '2023-10-03');
    await changes.settled();
    const rows = await changes.tableRows('hub-changes-areas');
    expect(rows).toHaveLength(87);
    const exchange = rows.find((r) => r[1]!.startsWith('EMH11:'))!;
    expect(exchange[0]).toBe('Successor by areas');
    expect(exchange[3]).toMatch(/^decided by the same districts; no code, URN, website or name in common/);
    expect(rows.every((r) => r[3]!.startsWith('decided by '))).toBe(true);
  });

  it("lists a name that is no place ('East London') with its hub, placed nowhere", async () => {
    const changes = await page(ChangesPage);
    await changes.openChanges('network=hubs&from=2024-08-14&to=2024-10-16');
    const rows = await changes.tableRows('hub-changes-areas');
    const l2 = rows.find((r) => r[1]!.startsWith('L2:'))!;
    expect(l2[1]).toContain("'East London' is no known place: placed nowhere");
  });

  it('with one list (teaching schools), says so and shows the change in published totals between two dates', async () => {
    const changes = await page(ChangesPage);
    await changes.openChanges('network=teaching-schools');
    expect(await changes.none.innerText()).toContain('Only one member list of teaching schools is held');
    expect(await changes.totalsSummary.innerText()).toBe(
      'Teaching schools: 100 (July 2011), then 733 (1 March 2021): +633.',
    );
    await changes.byTestId('to-control').selectOption('2014-05-26');
    await changes.page.waitForURL((url) => url.searchParams.get('to') === '2014-05-26');
    await changes.settled();
    expect(await changes.totalsSummary.innerText()).toBe(
      'Teaching schools: 100 (July 2011), then 548 (26 May 2014): +448.',
    );
    expect(await changes.tableRows('totals-table')).toHaveLength(4);
  });
});

describe('Admin: a list dated between the two', () => {
  it('previews it against the list before and the list after, with the weak matches', async () => {
    const admin = await page(AdminPage);
    await admin.openAdmin();
    await admin.fill({
      file: 'networks/hubs-2023-made-up.csv',
      kind: 'hubs',
      asAt: '2023-09-01',
      token: TOKEN,
    });
    await admin.dryRun();
    expect(await admin.byTestId('preview-hubs-summary').innerText()).toBe(
      'Between the lists of 1 September 2021 and 1 September 2023: 82 areas continue under the same hub (0 ' +
        'renamed, 0 run by another organisation), 0 to a successor by areas (nothing on the lists says the same ' +
        'hub or another), 1 led by another hub, 0 new, 1 ended and 2 redrawn. 0 matches ' +
        'rest on weak evidence, listed with it.',
    );
    expect(await admin.byTestId('preview-next-summary').innerText()).toBe(
      'Between the lists of 1 September 2023 and 3 October 2023: 80 areas continue under the same hub (2 ' +
        'renamed, 0 run by another organisation), 2 to a successor by areas (nothing on the lists says the same ' +
        'hub or another), 0 led by another hub, 1 new, 0 ended and 3 redrawn. 6 matches ' +
        'rest on weak evidence, listed with it.',
    );
    expect(await admin.tableRows('preview-next-weak')).toHaveLength(6);
    const redrawn = (await admin.tableRows('preview-hubs-areas')).filter((r) => r[0] === 'Redrawn');
    expect(redrawn[0]![3]).toBe(
      'decided by districts moved between hubs: Tendring; Tendring: EENEL2 to EENEL1',
    );
  });
});
