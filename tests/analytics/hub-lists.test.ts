import { afterAll, describe, expect, it } from 'vitest';
import { members } from '../../server/analytics/members.js';
import { snapshotDiff } from '../../server/analytics/snapshots.js';
import { hubListings } from '../../server/db/queries/hubs.js';
import { snapshotOn } from '../../server/db/queries/snapshots.js';
import { HUB_LIST_DATES } from '../helpers/db.js';
import { shippedDb } from './helpers.js';

// The two real hub lists in the shipped data: DfE's 2021 list by area (as at 1 September 2021) and the hub
// finder's list of 30 September 2025.

const db = shippedDb();
afterAll(() => db.close());

const listOn = (date: string) => hubListings(db, snapshotOn(db, 'hubs', date)!.id);
const hubs2021 = listOn('2021-09-01');
const byKey = new Map(hubs2021.map((h) => [h.key, h]));

describe('the 2021 list, imported as published', () => {
  it('has the 87 hubs in the list\u2019s order, each code split from its districts', () => {
    expect(hubs2021).toHaveLength(87);
    expect(hubs2021[0]).toMatchObject({
      key: 'EENEL1',
      name: 'Saffron Teaching School Hub',
      website: 'https://www.saffronteachingschoolhub.net/',
      urn: 136776,
      lead_school: 'Saffron Walden County High School',
      list_area: 'East of England and North East London (EENEL)',
      test_and_learn: true,
    });
    expect(byKey.get('EENEL1')!.places.map((p) => p.name)).toEqual([
      'Braintree',
      'Chelmsford',
      'Epping Forest',
      'Harlow',
      'Uttlesford',
    ]);
    expect(hubs2021.at(-1)!.key).toBe('WM11');
  });

  it('keeps district names that have commas of their own whole', () => {
    const names = (key: string) => byKey.get(key)!.places.map((p) => p.name);
    expect(names('EMH7')).toEqual(['East Riding of Yorkshire', 'Kingston upon Hull, City of']);
    expect(names('WM1')).toEqual([
      'Herefordshire, County of',
      'Malvern Hills',
      'Worcester',
      'Wychavon',
      'Wyre Forest',
    ]);
    expect(names('SW9')).toEqual(['Bristol, City of', 'North Somerset']);
    expect(names('SW1')[0]).toBe('Bournemouth, Christchurch and Poole');
  });

  it('reads the school type without its no-break space, and marks the six test-and-learn hubs', () => {
    expect(
      db
        .prepare(
          `SELECT count(*) FROM snapshot_members WHERE establishment_type LIKE '%' || char(160) || '%'`,
        )
        .pluck()
        .get(),
    ).toBe(0);
    expect(hubs2021.filter((h) => h.test_and_learn).map((h) => h.key)).toEqual([
      'EENEL1',
      'EENEL6',
      'EMH4',
      'LWY10',
      'NOR2',
      'SW3',
    ]);
    expect(new Set(hubs2021.map((h) => h.list_area)).size).toBe(8);
  });

  it('places a hub at its lead school: 82 of the 87 URNs are in the establishments list', () => {
    const located = members(db, { network: 'hubs', as_at: '2021-09-01', limit: 1000, offset: 0 }).rows.filter(
      (m) => m.latitude !== null,
    );
    expect(located).toHaveLength(82);
  });

  it('gives regions from the council areas served, never the RSC area', () => {
    const page = members(db, { network: 'hubs', as_at: '2022-06-01', limit: 1000, offset: 0 });
    const cheshire = page.rows.find((m) => m.member_key === 'WM10')!;
    expect(byKey.get('WM10')!.list_area).toBe('West Midlands (WM)');
    expect(cheshire.region).toBe('North West');
    const westMidlands = members(db, {
      network: 'hubs',
      as_at: '2022-06-01',
      region: 'West Midlands',
      limit: 1000,
      offset: 0,
    });
    expect(westMidlands.rows.map((m) => m.member_key)).not.toContain('WM10');
  });
});

// Hand-checked from the six raw files (not from this code's output): each row is an area of 2021, the area of
// 2025 with the same districts, the class, whether renamed, whether another organisation runs it under the same
// code, and whether the match rests on weak evidence. 2021 to 2025 is stepped through the four lists between.
const HAND_CHECKED: [string, string, string, boolean, boolean, boolean][] = [
  // Alpha: the same districts and name in October 2023, code EE2 from December 2023, Unity (another name and
  // website) under EE2 from October 2024: another organisation, not a leaver and a joiner.
  ['EENEL2', 'EE2', 'continuing', false, true, false],
  // Unity: Forest Heath + St Edmundsbury = West Suffolk; Suffolk Coastal ~ 'East Suffolk South', a part.
  ['EENEL8', 'EE6', 'continuing', false, false, false],
  // Bradford -> Exceed (October 2023): same district, same website www.teachingschoolhub.co.uk.
  ['LWY10', 'YH6', 'continuing', true, false, false],
  // Exchange Teaching Hub serves both areas from October 2023, with no code, URN, website or name in common with
  // 2021's hubs, and nothing saying another hub leads them: each area's successor by areas (one school led both
  // in 2021, one name serves both in 2023).
  ['EMH11', 'YH1', 'successor', false, false, false],
  // Its area is the same only as far as the lists say ('North Yorkshire South'), but each step weighed that.
  ['LWY14', 'YH8', 'successor', false, false, false],
  // Birmingham North (WM9) and South (WM11: Ark, then Star Birmingham South under WM10 in October 2024).
  ['WM9', 'WM9', 'continuing', false, false, false],
  ['WM11', 'WM10', 'continuing', false, true, false],
  // 'Balcarras' -> 'Balcarras Teaching School Hub': the same name written out, not a rename.
  ['SW10', 'SW10', 'continuing', false, false, false],
  // Seven Northamptonshire districts = North + West Northamptonshire (2021); six Cumbrian = Cumberland + W&F.
  ['NWLSC7', 'EM8', 'continuing', false, false, false],
  ['NOR1', 'NW11', 'continuing', false, false, false],
  ['EENEL6', 'EE5', 'continuing', false, true, false],
  ['NOR2', 'YH10', 'continuing', false, false, false],
  // One school (Bennett Memorial, URN 136603) led both Kent hubs; Shepway is now Folkestone and Hythe.
  ['SESL2', 'SE2', 'continuing', false, false, false],
  ['SESL8', 'SE8', 'continuing', false, false, false],
  ['SESL13', 'L8', 'continuing', false, true, false],
  // North East London: under L3 from December 2023, the Chobham hub (harrisinstitute.org.uk) from October 2024.
  ['EENEL9', 'L3', 'continuing', false, true, false],
  ['SW1', 'SW1', 'continuing', false, false, false],
];

describe('the changes from the 2021 list to the 2025 list, stepped list by list', () => {
  const diff = snapshotDiff(db, { network: 'hubs', from: '2022-06-01', to: '2025-10-01' });
  const changes = diff.hubs!.changes;

  it.each(HAND_CHECKED)('%s -> %s: %s (renamed %s, organisation %s, weak %s)', (from, to, ...expected) => {
    const change = changes.find((c) => c.from.some((h) => h.key === from))!;
    expect([
      change.to.map((h) => h.key),
      change.class,
      change.renamed,
      change.organisation_changed,
      change.weak.length > 0,
    ]).toEqual([[to], ...expected]);
  });

  it('counts 85 continuing (4 renamed, 5 run by another organisation) and 2 successors by areas', () => {
    expect(diff.hubs!.counts).toEqual({
      continuing: 85,
      successor: 2,
      'another-hub': 0,
      new: 0,
      ended: 0,
      redrawn: 0,
      renamed: 4,
      organisation_changed: 5,
      weak: 0,
    });
    expect(diff.hubs!.steps.map((s) => [s.from, s.to])).toEqual(
      HUB_LIST_DATES.slice(1).map((to, k) => [HUB_LIST_DATES[k], to]),
    );
  });

  it('names the evidence of each step that carries a hub through', () => {
    const alpha = changes.find((c) => c.from[0]?.key === 'EENEL2')!;
    expect(alpha.decided_by).toMatch(/^the same hub on every list between, step by step: EENEL2 to Alpha/);
    expect(alpha.decided_by).toContain(
      'EE2 to EE2 (2024-10-16): code EE2 on both lists; name and website both',
    );
  });

  it('says what decided a successor by areas, and that it is so on every step', () => {
    const exchange = changes.find((c) => c.from[0]!.key === 'EMH11')!;
    expect(exchange.led_by).toBeNull();
    expect(exchange.decided_by).toMatch(
      /^its successor by areas on every list between, step by step: EMH11 to Exchange Teaching Hub \(Barnsley\) \(2023-10-03\): the same districts; no code, URN, website or name in common: its successor by areas; EMH11 and LWY14 had one lead school \(URN 137482\)/,
    );
  });

  it('makes joiners and leavers of the same classification: none, as no area is new, ended or another hub', () => {
    expect(diff.joiners).toEqual([]);
    expect(diff.leavers).toEqual([]);
  });
});

describe('one step: the lists of 14 August and 16 October 2024', () => {
  const diff = snapshotDiff(db, { network: 'hubs', from: '2024-09-01', to: '2024-11-01' });

  it('shows EE2 (Alpha, then Unity) as another organisation under one code, with no joiner or leaver', () => {
    const ee2 = diff.hubs!.changes.find((c) => c.to[0]?.key === 'EE2')!;
    expect(ee2).toMatchObject({ class: 'continuing', organisation_changed: true, renamed: false });
    expect(ee2.from[0]!.name).toBe('Alpha Teaching School Hub');
    expect(ee2.to[0]!.name).toBe('Unity Teaching School Hub');
    expect(diff.joiners).toEqual([]);
    expect(diff.leavers).toEqual([]);
    expect(diff.hubs!.counts).toMatchObject({ continuing: 87, organisation_changed: 4, renamed: 0 });
  });
});
