import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HUB_LIST_DATES } from '../helpers/db.js';
import { expectErrorShape, shippedApp, type TestApp } from './helpers.js';

// The issue's "Must show" figures, through HTTP, on the database built from the shipped data.

let t: TestApp;
beforeAll(() => {
  t = shippedApp(inject('shippedDb'));
});
afterAll(() => t.cleanup());

const get = (url: string) => request(t.app).get(url);

describe('GET /api/v1/summary', () => {
  it('gives 808 teaching schools in 640 alliances covering 149 of 152 areas on 2018-03-12', async () => {
    const res = await get('/api/v1/summary?network=teaching-schools&as_at=2018-03-12').expect(200);
    expect(res.body).toMatchObject({
      network: 'teaching-schools',
      as_at: '2018-03-12',
      members: 808,
      groups: 640,
      council_areas_total: 152,
      council_areas_covered: 149,
      coverage_pct: 98.0,
    });
    expect(res.body.uncovered.map((u: { la_code: string }) => u.la_code)).toEqual(['201', '420', '921']);
    expect(res.body.uncovered[2]).toEqual({ la_code: '921', name: 'Isle of Wight', region: 'South East' });
    expect(res.body.schools_total).toBe(28087);
    expect(res.body.pupils_in_member_schools).toBeGreaterThan(500_000);
  });

  it('answers the list in force: a later date gives the 2018 list, an earlier one a 404 naming the first', async () => {
    const later = await get('/api/v1/summary?as_at=2019-01-01').expect(200);
    expect(later.body).toMatchObject({ as_at: '2019-01-01', snapshot_as_at: '2018-03-12', members: 808 });
    const earlier = await get('/api/v1/summary?as_at=2014-05-26').expect(404);
    expectErrorShape(earlier.body, 404);
    expect(earlier.body.error.message).toBe(
      'no teaching-schools list on or before 2014-05-26; the first is as at 2018-03-12',
    );
  });

  it('404s a network with no list imported', async () => {
    const res = await get('/api/v1/summary?network=nles').expect(404);
    expect(res.body.error.message).toBe('no nles list has been imported');
  });

  it('narrows to a region by name or code, and to a phase, naming unknown ones', async () => {
    const london = await get('/api/v1/summary?region=london').expect(200);
    expect(london.body).toMatchObject({ council_areas_total: 33, council_areas_covered: 32 });
    const byCode = await get('/api/v1/summary?region=E12000007').expect(200);
    expect(byCode.body.members).toBe(london.body.members);
    const bad = await get('/api/v1/summary?region=Londn').expect(400);
    expect(bad.body.error.message).toMatch(/^region: 'Londn' is not a region \(/);
    expect(bad.body.error.details[0]).toMatchObject({ parameter: 'region', value: 'Londn' });
    const primary = await get('/api/v1/summary?phase=primary').expect(200);
    expect(primary.body.members).toBeLessThan(808);
    await get('/api/v1/summary?phase=tertiary').expect(400);
  });

  it('counts each date among the council areas in force on it', async () => {
    const areas = async (network: string, asAt: string) => {
      const res = await get(`/api/v1/coverage?network=${network}&as_at=${asAt}&limit=500`).expect(200);
      return (res.body.rows as { la_code: string; name: string; members: number }[]).map((r) => r.la_code);
    };
    const [ts2018, ts2020, ts2021, hubs2025] = await Promise.all([
      areas('teaching-schools', '2018-03-12'),
      areas('teaching-schools', '2020-01-01'),
      areas('teaching-schools', '2021-08-31'),
      areas('hubs', '2025-10-01'),
    ]);
    expect([ts2018.length, ts2020.length, ts2021.length, hubs2025.length]).toEqual([152, 151, 152, 153]);
    expect(ts2018).toEqual(expect.arrayContaining(['909', '928', '835', '836', '837']));
    expect(ts2020).toEqual(expect.arrayContaining(['838', '839', '909', '928']));
    expect(ts2020).not.toEqual(expect.arrayContaining(['835']));
    expect(ts2021).toEqual(expect.arrayContaining(['940', '941', '909']));
    expect(hubs2025).toEqual(expect.arrayContaining(['942', '943', '940', '941']));
    expect(hubs2025).not.toContain('909');
    const summary = await get('/api/v1/summary?network=teaching-schools&as_at=2020-01-01').expect(200);
    expect(summary.body.council_areas_total).toBe(151);
    // Every establishment counted once: those of Dorset, Poole and Bournemouth in 2018 are those of Dorset (838)
    // and Bournemouth, Christchurch and Poole (839) in 2020, less the 1 of Dorset that neither the June 2024
    // register nor the boundaries place.
    const before = await get('/api/v1/summary?network=teaching-schools&as_at=2018-03-12').expect(200);
    expect(before.body.schools_total - summary.body.schools_total).toBe(1);
    expect(summary.body.establishments_not_placed).toBe(1);
    expect(before.body.establishments_not_placed).toBe(0);
  });

  it('gives hubs covering every area', async () => {
    const res = await get('/api/v1/summary?network=hubs').expect(200);
    // The latest list (30 September 2025) among the 153 areas of its day: Cumbria is Cumberland and Westmorland
    // and Furness since April 2023.
    expect(res.body).toMatchObject({ members: 87, council_areas_covered: 153, coverage_pct: 100 });
  });

  it('gives a one-row CSV', async () => {
    const res = await get('/api/v1/summary?as_at=2018-03-12&format=csv').expect(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="summary-teaching-schools-2018-03-12.csv"',
    );
    const [header, row] = res.text.split('\r\n');
    expect(header).toBe(
      'network,as_at,snapshot_as_at,members,groups,council_areas_total,council_areas_covered,coverage_pct,' +
        'uncovered,establishments_total,pupils_in_member_schools_lower_bound,member_schools_with_pupils,' +
        'establishments_extract',
    );
    expect(row).toBe(
      'teaching-schools,2018-03-12,2018-03-12,808,640,152,149,98,201;420;921,28087,554967,753,' +
        'GIAS establishments extract of 12 March 2018',
    );
  });

  it('after the network\u2019s end, says it had ended, and when, instead of the last list\u2019s 808', async () => {
    const res = await get('/api/v1/summary?network=teaching-schools&as_at=2030-01-01').expect(404);
    expectErrorShape(res.body, 404);
    expect(res.body.error.message).toMatch(
      /^Teaching schools ended on 31 August 2021, the end of August 2021 \(/,
    );
    const lastDay = await get('/api/v1/summary?network=teaching-schools&as_at=2021-08-31').expect(200);
    expect(lastDay.body).toMatchObject({ members: 808, snapshot_in_force_to: '2021-08-31' });
    for (const path of ['coverage', 'gaps', 'members', 'groups', 'council-areas', 'council-areas/921']) {
      const after = await get(`/api/v1/${path}?network=teaching-schools&as_at=2022-01-01`).expect(404);
      expect(after.body.error.message).toMatch(/^Teaching schools ended on 31 August 2021/);
    }
  });

  it('between lists, says how old the list is and gives the nearest published total', async () => {
    const res = await get('/api/v1/summary?network=teaching-schools&as_at=2021-06-01').expect(200);
    expect(res.body).toMatchObject({
      snapshot_as_at: '2018-03-12',
      snapshot_age_days: 1177,
      published_total: { date: '2021-03-01', total: 733, qualifier: 'exact' },
    });
  });

  it('says what the pupils figure counts, and counts hubs once by region', async () => {
    const ts = await get('/api/v1/summary?network=teaching-schools&as_at=2018-03-12').expect(200);
    expect(ts.body).toMatchObject({ pupils_in_member_schools: 554967, member_schools_with_pupils: 753 });
    const hubs = await get('/api/v1/summary?network=hubs').expect(200);
    expect(hubs.body).toMatchObject({ groups: null, groups_note: expect.any(String) });
    const total = hubs.body.by_region.reduce((n: number, r: { members: number }) => n + r.members, 0);
    expect(total).toBe(87);
    expect(hubs.body.by_region.find((r: { region: string }) => r.region === 'London').members).toBe(10);
  });
});

describe('GET /api/v1/progress', () => {
  it('merges milestones with the imported list and judges the teaching school targets', async () => {
    const res = await get('/api/v1/progress?network=teaching-schools').expect(200);
    const point = (date: string) => res.body.series.find((p: { date: string }) => p.date === date);
    expect(point('2011-07')).toMatchObject({ total: 100, precision: 'month', source: 'milestone' });
    expect(point('2014-05-26')).toMatchObject({ total: 548, source: 'milestone' });
    expect(point('2018-03-12')).toMatchObject({ total: 808, source: 'snapshot' });
    expect(res.body.series.filter((p: { date: string }) => p.date === '2018-03-12')).toHaveLength(1);

    const [five, six] = res.body.targets;
    expect(five).toMatchObject({
      value: 500,
      deadline: '2015-03',
      status: 'met',
      reached: { earliest: '2014-04-01', latest: '2014-04-30', words: 'April 2014' },
      days_early: { min: 335, max: 364 },
      forecast: null,
    });
    expect(six).toMatchObject({ value: 600, deadline: '2016-10', status: 'undetermined' });
    expect(six.evidence).toContain('548 on 26 May 2014');
    expect(six.evidence).toContain('808 on 12 March 2018');
    expect(six.publication).toMatchObject({ kind: 'secondary', published: null });

    expect(res.body.rounds.map((r: { round: number }) => r.round)).toEqual([1, 3, 4]);
    expect(res.body.rounds[1]).toMatchObject({ total_after: 360, total_after_qualifier: 'just over' });
    expect(res.body.coverage_series.map((p: { pct: number }) => p.pct)).toEqual([95, 98, 98.7]);
    expect(res.body.coverage_series[0]).toMatchObject({ covered_min: 144, covered_max: 145, of: 152 });
  });

  it('calls the target not yet published the day before the release that set it, forecasting nothing', async () => {
    const res = await get('/api/v1/progress?as_at=2014-05-25').expect(200);
    expect(res.body.targets[0]).toMatchObject({ value: 500, status: 'not_yet_published', forecast: null });
  });

  it('judges the NLE target met from "over 1,000", later below, and lists the undated figure apart', async () => {
    const res = await get('/api/v1/progress?network=nles').expect(200);
    expect(res.body.targets).toHaveLength(1);
    expect(res.body.targets[0]).toMatchObject({
      value: 1000,
      status: 'met',
      reached: { latest: '2014-05-26' },
      fell_below: { date: '2020-12-01', total: 991 },
    });
    expect(res.body.undated).toEqual([expect.objectContaining({ value: 1100, qualifier: 'over' })]);
    expect(res.body.series.every((p: { date: string | null }) => p.date !== null)).toBe(true);
  });

  it('judges as of an earlier date with only the figures known then', async () => {
    const res = await get('/api/v1/progress?as_at=2013-12-31').expect(200);
    expect(res.body.series.at(-1)).toMatchObject({ total: 360 });
    // The 500 target was published on 26 May 2014: not judged before it was known (issue 26).
    expect(res.body.targets[0]).toMatchObject({ value: 500, status: 'not_yet_published' });
  });

  it('gives the series as CSV', async () => {
    const res = await get('/api/v1/progress?format=csv&as_at=2020-01-01').expect(200);
    expect(res.text.split('\r\n')[0]).toBe(
      'date,precision,period_start,period_end,total,qualifier,low,high,source,source_title,source_url,publisher,published',
    );
  });
});

describe('GET /api/v1/gaps', () => {
  it('ranks the three uncovered areas first, each with a reason and nearest members outside', async () => {
    const res = await get('/api/v1/gaps?as_at=2018-03-12').expect(200);
    expect(res.body.total).toBe(152);
    const first = res.body.rows.slice(0, 3);
    expect(first.map((r: { la_code: string }) => r.la_code).sort()).toEqual(['201', '420', '921']);
    for (const row of first) {
      expect(row.covered).toBe(false);
      expect(row.reason).toMatch(/^no teaching school serves /);
      expect(row.nearest_members).toHaveLength(3);
      expect(row.nearest_members.every((m: { la_code: string }) => m.la_code !== row.la_code)).toBe(true);
    }
    expect(res.body.rows[3].covered).toBe(true);
  });

  it('pages and gives CSV', async () => {
    const res = await get('/api/v1/gaps?limit=2&offset=1').expect(200);
    expect(res.body).toMatchObject({ total: 152, limit: 2, offset: 1 });
    expect(res.body.rows.map((r: { rank: number }) => r.rank)).toEqual([2, 3]);
    const csv = await get('/api/v1/gaps?format=csv').expect(200);
    expect(csv.text.split('\r\n')).toHaveLength(154);
  });
});

describe('GET /api/v1/coverage', () => {
  it('gives a row per area with schools beyond the radius', async () => {
    const res = await get('/api/v1/coverage?as_at=2018-03-12').expect(200);
    expect(res.body).toMatchObject({ total: 152, radius_km: 15, limit: 200 });
    const wight = res.body.rows.find((r: { la_code: string }) => r.la_code === '921');
    expect(wight).toMatchObject({ covered: false, members: 0, schools: 63, schools_with_coordinates: 63 });
    expect(wight.schools_beyond_km).toBeGreaterThan(0);
    const wide = await get('/api/v1/coverage?radius_km=100').expect(200);
    expect(wide.body.rows.every((r: { schools_beyond_km: number }) => r.schools_beyond_km === 0)).toBe(true);
  });

  it('measures distances from hubs located at their lead schools, and none from a list before them', async () => {
    const res = await get('/api/v1/coverage?network=hubs&as_at=2022-01-01').expect(200);
    expect(res.body.snapshot_as_at).toBe('2021-09-01');
    expect(res.body.rows.every((r: { schools_beyond_km: number }) => r.schools_beyond_km >= 0)).toBe(true);
    await get('/api/v1/coverage?network=hubs&as_at=2021-08-31').expect(404);
  });

  it('names a bad radius', async () => {
    const res = await get('/api/v1/coverage?radius_km=0').expect(400);
    expect(res.body.error.message).toBe("radius_km: '0' is not between 0.1 and 200");
  });

  it('rounds the radius to 0.5 km, so that radii asking the same question get one answer', async () => {
    const [a, b] = await Promise.all([get('/api/v1/coverage?radius_km=15.2'), get('/api/v1/coverage')]);
    expect(a.body.radius_km).toBe(15);
    expect(a.body.rows).toEqual(b.body.rows);
    expect((await get('/api/v1/coverage?radius_km=0.1').expect(200)).body.radius_km).toBe(0.5);
  });

  it('gives the same schools_beyond_km as /council-areas and the area profile', async () => {
    const coverage = await get('/api/v1/coverage?radius_km=12').expect(200);
    const areas = await get('/api/v1/council-areas?radius_km=12').expect(200);
    const beyond = (rows: { la_code: string; schools_beyond_km: number | null }[]) =>
      Object.fromEntries(rows.map((r) => [r.la_code, r.schools_beyond_km]));
    expect(beyond(areas.body.rows)).toEqual(beyond(coverage.body.rows));
    expect(Object.values(beyond(areas.body.rows)).every((n) => typeof n === 'number')).toBe(true);
    const leeds = await get('/api/v1/council-areas/383?radius_km=12').expect(200);
    expect(leeds.body.coverage.schools_beyond_km).toBe(beyond(coverage.body.rows)['383']);
    const csv = await get('/api/v1/council-areas?format=csv').expect(200);
    expect(csv.text.split('\r\n')[0]).toContain('establishments_beyond_km');
  });
});

describe('nearest members outside an area', () => {
  it("are measured from the area's own schools, and say so: Isle of Wight 9.8 km", async () => {
    const res = await get('/api/v1/gaps?as_at=2018-03-12').expect(200);
    expect(res.body.nearest_measured_from).toMatch(/the area\u2019s own located schools/);
    const wight = res.body.rows.find((r: { la_code: string }) => r.la_code === '921');
    expect(wight.nearest_members[0]).toMatchObject({ km: 9.8, la_code: '851' });
    const from = t.db.prepare('SELECT la_code FROM establishments WHERE urn = ?').pluck();
    expect(from.get(wight.nearest_members[0].from_urn)).toBe('921');
    const profile = await get('/api/v1/council-areas/921').expect(200);
    expect(profile.body.nearest_members_outside).toEqual(wight.nearest_members);
    expect(profile.body.nearest_measured_from).toBe(res.body.nearest_measured_from);
  });
});

describe('GET /api/v1/council-areas', () => {
  it('lists the areas, filtered by name ignoring case', async () => {
    const all = await get('/api/v1/council-areas').expect(200);
    expect(all.body.total).toBe(152);
    const res = await get('/api/v1/council-areas?q=isle').expect(200);
    expect(res.body.rows.map((r: { la_code: string }) => r.la_code)).toEqual(['420', '921']);
  });

  it('profiles one area by DfE or ONS code', async () => {
    const res = await get('/api/v1/council-areas/921').expect(200);
    expect(res.body).toMatchObject({
      la_code: '921',
      name: 'Isle of Wight',
      region: 'South East',
      members: [],
    });
    expect(res.body.coverage).toMatchObject({ covered: false, schools: 63 });
    expect(res.body.rank_by_need).toBeLessThanOrEqual(3);
    expect(res.body.neighbours.length).toBeGreaterThan(0);
    expect(res.body.neighbours.every((n: { adjacent: boolean }) => !n.adjacent)).toBe(true); // an island
    expect(res.body.history).toEqual([{ as_at: '2018-03-12', members: 0 }]);
    const byOns = await get('/api/v1/council-areas/E06000046').expect(200);
    expect(byOns.body.la_code).toBe('921');
  });

  it('gives a mainland area its adjacent neighbours, members and groups', async () => {
    const res = await get('/api/v1/council-areas/202').expect(200); // Camden
    expect(res.body.members.length).toBeGreaterThan(0);
    expect(res.body.groups.length).toBeGreaterThan(0);
    const codes = res.body.neighbours.map((n: { la_code: string }) => n.la_code);
    expect(codes).toContain('201'); // City of London borders Camden
    expect(res.body.neighbours.every((n: { adjacent: boolean }) => n.adjacent)).toBe(true);
  });

  it('404s an unknown area and 400s a malformed code', async () => {
    const missing = await get('/api/v1/council-areas/999').expect(404);
    expect(missing.body.error.message).toBe("no council area '999'");
    const bad = await get('/api/v1/council-areas/abc').expect(400);
    expect(bad.body.error.message).toMatch(/^la_code: 'abc' is not a council area code/);
  });
});

describe('GET /api/v1/members and /api/v1/groups', () => {
  it('pages the 808 teaching schools by name', async () => {
    const res = await get('/api/v1/members?limit=5').expect(200);
    expect(res.body).toMatchObject({ total: 808, limit: 5, offset: 0, snapshot_as_at: '2018-03-12' });
    const names = res.body.rows.map((r: { name: string }) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(res.body.rows[0].serves).toHaveLength(1);
  });

  it('filters members by area, region, phase, group and name', async () => {
    const camden = await get('/api/v1/members?la=202&limit=1000').expect(200);
    expect(camden.body.rows.every((r: { serves: string[] }) => r.serves.includes('202'))).toBe(true);
    const primary = await get('/api/v1/members?phase=Primary&region=London').expect(200);
    expect(primary.body.rows.every((r: { phase: string }) => r.phase === 'Primary')).toBe(true);
    const group = camden.body.rows[0].group_id as number;
    const inGroup = await get(`/api/v1/members?group=${group}`).expect(200);
    expect(inGroup.body.rows.every((r: { group_id: number }) => r.group_id === group)).toBe(true);
    const named = await get('/api/v1/members?q=academy').expect(200);
    expect(named.body.rows.every((r: { name: string }) => /academy/i.test(r.name))).toBe(true);
    const badGroup = await get('/api/v1/members?group=no-such-alliance').expect(400);
    expect(badGroup.body.error.message).toBe("group: 'no-such-alliance' is not a teaching-schools group");
  });

  it('lists hubs serving an area', async () => {
    const res = await get('/api/v1/members?network=hubs&la=921').expect(200);
    expect(res.body.total).toBeGreaterThan(0);
  });

  it('gives members as CSV with the areas served joined', async () => {
    const res = await get('/api/v1/members?la=921&network=hubs&format=csv').expect(200);
    expect(res.text.split('\r\n')[0]).toMatch(/^member_key,urn,name,/);
  });

  it('pages the 640 alliances, and gives null groups with the reason for a network without them', async () => {
    const res = await get('/api/v1/groups?limit=3').expect(200);
    expect(res.body.total).toBe(640);
    expect(res.body.rows[0].members).toBe(res.body.rows[0].member_names.length);
    const hubs = await get('/api/v1/groups?network=hubs').expect(200);
    expect(hubs.body).toMatchObject({
      rows: null,
      total: null,
      groups_note: expect.stringMatching(/not grouped/),
    });
    const coverage = await get('/api/v1/coverage?network=hubs').expect(200);
    expect(coverage.body.rows.every((r: { groups: null }) => r.groups === null)).toBe(true);
    const networks = await get('/api/v1/networks').expect(200);
    expect(networks.body.rows[2]).toMatchObject({ id: 'hubs', latest: { groups: null } });
  });
});

describe('GET /api/v1/search', () => {
  it('finds areas, members and groups by word prefixes, ignoring case', async () => {
    const res = await get('/api/v1/search?q=isle%20wig').expect(200);
    expect(res.body.rows[0]).toMatchObject({ kind: 'council-area', key: '921', name: 'Isle of Wight' });
    const stoke = await get('/api/v1/search?q=STOKE%20ON&kind=council-area').expect(200);
    expect(stoke.body.rows.map((r: { key: string }) => r.key)).toContain('861');
  });

  it('finds St and Saint alike, with or without apostrophes, and says where a member is', async () => {
    const names = async (q: string) =>
      (await get(`/api/v1/search?limit=100&q=${encodeURIComponent(q)}`).expect(200)).body.rows.map(
        (r: { name: string }) => r.name,
      );
    const stMarys = await names('st marys');
    expect(stMarys).toContain("St Mary's Catholic Primary School");
    expect(stMarys).toContain('St Marys College Teaching School');
    expect(await names('saint mary')).toEqual(expect.arrayContaining(["St Mary's Catholic Primary School"]));
    expect(await names("st mary's")).toEqual(expect.arrayContaining(["St Mary's Catholic Primary School"]));
    const trenance = await get('/api/v1/search?q=Tr%C3%A9nance').expect(200);
    expect(trenance.body.rows[0]).toMatchObject({
      kind: 'member',
      name: 'Trenance Learning Academy',
      la_code: '908',
    });
    const cornwall = await get('/api/v1/search?q=cornwall').expect(200);
    expect(cornwall.body.rows[0]).toMatchObject({ kind: 'council-area', key: '908', la_code: '908' });
  });

  it('finds an area by one of its districts', async () => {
    const res = await get('/api/v1/search?q=chelmsford&kind=council-area').expect(200);
    expect(res.body.rows[0]).toMatchObject({ key: '881', name: 'Essex' });
  });

  it('names a query with nothing to search for', async () => {
    const res = await get('/api/v1/search?q=%2A%22').expect(400);
    expect(res.body.error.message).toBe("q: '*\"' has no letters or digits to search for");
    await get('/api/v1/search').expect(400);
  });
});

describe('GET /api/v1/snapshots, networks, boundaries, imports, sources', () => {
  it('lists the imported lists', async () => {
    const res = await get('/api/v1/snapshots').expect(200);
    expect(res.body.rows).toEqual([
      expect.objectContaining({
        network_id: 'teaching-schools',
        as_at: '2018-03-12',
        members: 808,
        groups: 640,
      }),
      ...HUB_LIST_DATES.map((as_at) => expect.objectContaining({ network_id: 'hubs', as_at, members: 87 })),
    ]);
  });

  it('diffs a list with itself as no change', async () => {
    const res = await get('/api/v1/snapshots/diff?from=2018-03-12&to=2019-01-01').expect(200);
    expect(res.body).toMatchObject({ joiners: [], leavers: [], group_moves: [], area_changes: [] });
    const bad = await get('/api/v1/snapshots/diff?from=2018-03-12').expect(400);
    expect(bad.body.error.message).toBe('to: is required');
  });

  it('gives each network with its latest counts', async () => {
    const res = await get('/api/v1/networks').expect(200);
    expect(res.body.rows[0]).toMatchObject({ id: 'teaching-schools', latest: { members: 808, groups: 640 } });
  });

  it('serves the boundaries as stored TopoJSON, gzipped', async () => {
    const res = await get('/api/v1/boundaries?level=council-areas')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.type).toBe('Topology');
    // The areas of every date since 2011, each with its days: a map draws those in force on its date.
    const areas = res.body.objects.council_areas.geometries;
    expect(areas).toHaveLength(158);
    expect(
      areas.find((g: { properties: { la_code: string } }) => g.properties.la_code === '909').properties,
    ).toMatchObject({ name: 'Cumbria', valid_from: null, valid_to: '2023-03-31' });
    const regions = await get('/api/v1/boundaries?level=regions').expect(200);
    expect(regions.body.objects.eng_rgn16.geometries).toHaveLength(9);
    // For drawing (what the dashboard asks): the same areas, quantized.
    const drawn = await get('/api/v1/boundaries?level=council-areas&detail=map').expect(200);
    expect(drawn.body.transform.scale).toHaveLength(2);
    expect(drawn.body.objects.council_areas.geometries).toHaveLength(158);
  });

  it('lists imports newest first and sources with the licence', async () => {
    const imports = await get('/api/v1/imports?limit=2').expect(200);
    expect(imports.body.total).toBe(21);
    expect(imports.body.rows[0].id).toBeGreaterThan(imports.body.rows[1].id);
    const sources = await get('/api/v1/sources').expect(200);
    expect(sources.body.licence.attribution[0]).toBe(
      'Contains public sector information licensed under the Open Government Licence v3.0.',
    );
    expect(sources.body.files).toHaveLength(21);
    expect(sources.body.publications.length).toBeGreaterThan(5);
    const beyth = sources.body.publications.find((p: { source_title: string }) =>
      p.source_title.startsWith('Beyth'),
    );
    expect(beyth).toMatchObject({ published: null, kind: 'secondary', targets: 1, figures: 0 });
    const press = sources.body.publications.find((p: { published: string }) => p.published === '2014-05-26');
    expect(press).toMatchObject({ publisher: 'Department for Education', source_quote: expect.any(String) });
  });
});

describe('the response cache', () => {
  it('gives the same bytes twice, and a 304 for the ETag', async () => {
    const a = await get('/api/v1/coverage?region=London').expect(200);
    const b = await get('/api/v1/coverage?region=London').expect(200);
    expect(b.text).toBe(a.text);
    expect(b.headers.etag).toBe(a.headers.etag);
    await get('/api/v1/coverage?region=London')
      .set('If-None-Match', a.headers.etag as string)
      .expect(304);
  });

  it('sends a cached answer gzipped once made, and plain to clients that do not take gzip', async () => {
    const plain = await get('/api/v1/gaps?region=London').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const zipped = await get('/api/v1/gaps?region=London')
        .set('Accept-Encoding', 'gzip, deflate')
        .expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
      expect(zipped.text).toBe(plain.text); // supertest unzips
    }
  });
});

describe('GET /api/v1/summary: which establishments it counts', () => {
  it('names the extract and its date, and the register of June 2024 where it speaks of the same areas', async () => {
    const hubs = await get('/api/v1/summary?network=hubs&as_at=2025-10-01').expect(200);
    // 2025 is nearer the GIAS register of 17 June 2024 than the extract of March 2018: it is the one counted.
    expect(hubs.body.establishments_extract).toEqual({
      kind: 'register',
      name: 'GIAS register of 17 June 2024',
      file_name: 'establishments/gias_register_2024-06-17.csv',
      as_at: '2024-06-17',
      has_pupils: false,
      locations_from: 'GIAS establishments extract of 12 March 2018',
      days_from_as_at: 471,
    });
    expect(hubs.body.schools_total).toBe(25094);
    expect(hubs.body.establishments_not_placed).toBe(0);
    // Before the midpoint, the 2018 extract: one establishment of Dorset (835) lies in neither 838 nor 839.
    const early = await get('/api/v1/summary?network=teaching-schools&as_at=2020-01-01').expect(200);
    expect(early.body.establishments_extract).toMatchObject({
      kind: 'extract',
      file_name: 'establishments/gias_open_establishments_2018-03-12.csv',
      days_from_as_at: 660,
    });
    expect(early.body.establishments_not_placed).toBe(1);
    expect(hubs.body.register_open).toMatchObject({
      file_name: 'establishments/gias_register_2024-06-17.csv',
      as_at: '2024-06-17',
      nearest: true,
    });
    // Of the 27,108 open on 17 June 2024, those in the 153 areas (by name, 'County Durham' is Durham): 25,094,
    // as a count of the CSV by name gives; the rest are Welsh, offshore or 'Does not apply'. None open is Pre-LGR.
    expect(hubs.body.register_open).toMatchObject({ open: 25094, pre_lgr: 0 });
    const ts = await get('/api/v1/summary?network=teaching-schools&as_at=2018-03-12').expect(200);
    expect(ts.body.register_open).toBeNull();
    expect(ts.body.establishments_extract.days_from_as_at).toBe(0);
  });
});

describe('CSV downloads name the extract their establishments come from', () => {
  const REGISTER = 'GIAS register of 17 June 2024';
  const EXTRACT = 'GIAS establishments extract of 12 March 2018';
  it.each([
    ['/api/v1/coverage?network=hubs&as_at=2025-10-01', REGISTER],
    ['/api/v1/gaps?network=hubs&as_at=2025-10-01', REGISTER],
    ['/api/v1/council-areas?network=hubs&as_at=2025-10-01', REGISTER],
    ['/api/v1/summary?network=hubs&as_at=2025-10-01', REGISTER],
    ['/api/v1/schools-beyond?network=teaching-schools&as_at=2021-08-31&la_code=909', REGISTER],
    ['/api/v1/coverage?network=teaching-schools&as_at=2018-03-12', EXTRACT],
    ['/api/v1/schools-beyond?network=teaching-schools&as_at=2018-03-12&la_code=909', EXTRACT],
  ])('%s: %s on every row', async (url, name) => {
    const res = await get(`${url}&format=csv`).expect(200);
    const lines = (res.text as string).trim().split(/\r?\n/);
    expect(lines[0]!.split(',').at(-1)).toBe('establishments_extract');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.endsWith(`,${name}`)).toBe(true);
    const json = await get(url).expect(200);
    expect(json.body.establishments_extract.name).toBe(name);
  });
});

describe('GET /api/v1/search on a date', () => {
  it('finds the council areas in force on the date asked', async () => {
    const names = async (q: string, asAt?: string) => {
      const res = await get(`/api/v1/search?kind=council-area&q=${q}${asAt ? `&as_at=${asAt}` : ''}`).expect(
        200,
      );
      return (res.body.rows as { key: string }[]).map((r) => r.key).sort();
    };
    expect(await names('cumb', '2018-03-12')).toEqual(['909']);
    expect(await names('cumb', '2025-10-01')).toEqual(['942']);
    expect(await names('dorset', '2018-03-12')).toEqual(['835']);
    expect(await names('dorset', '2025-10-01')).toEqual(['838']);
    // No date: today's areas; Dorset of 2011-2019 (835) only with a date it was in force.
    expect(await names('dorset')).toEqual(['838']);
  });
});

describe('a list is evidence for its own day', () => {
  it('says how old the list is and gives a published total nearer the date', async () => {
    const res = await get('/api/v1/summary?network=teaching-schools&as_at=2021-08-31').expect(200);
    expect(res.body.list_note).toBe(
      'list of 12 March 2018, 1,268 days before 31 August 2021: nothing between them is observed; a published ' +
        'total nearer the date: 733 (1 March 2021)',
    );
    const own = await get('/api/v1/summary?network=teaching-schools&as_at=2018-03-12').expect(200);
    expect(own.body.list_note).toBe('list of 12 March 2018, its own date');
  });

  it('says no list lies between two dates one list answers', async () => {
    const res = await get(
      '/api/v1/snapshots/diff?network=teaching-schools&from=2018-03-12&to=2021-08-31',
    ).expect(200);
    expect(res.body).toMatchObject({ same_list: true, joiners: [], leavers: [] });
    expect(res.body.note).toBe(
      'No list lies between 12 March 2018 and 31 August 2021: the list of 12 March 2018 answers both, so no ' +
        'joiner, leaver or change between them can be seen.',
    );
    const two = await get('/api/v1/snapshots/diff?network=hubs&from=2021-09-01&to=2025-10-01').expect(200);
    expect(two.body).toMatchObject({ same_list: false, note: null });
  });
});
