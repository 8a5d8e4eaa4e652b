import { afterAll, describe, expect, it } from 'vitest';
import { members } from '../../server/analytics/members.js';
import { snapshotDiff } from '../../server/analytics/snapshots.js';
import { hubListings } from '../../server/db/queries/hubs.js';
import { snapshotOn } from '../../server/db/queries/snapshots.js';
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

// Hand-checked from the two raw files (not from this code's output): each row is an area of 2021, the area of
// 2025 with the same districts, the class, whether renamed, and whether the match rests on weak evidence.
const HAND_CHECKED: [string, string, string, boolean, boolean][] = [
  // Alpha (Colchester County High School) -> Unity: same four districts, nothing in common but the area.
  ['EENEL2', 'EE2', 'another-hub', false, false],
  // Unity: Forest Heath + St Edmundsbury = West Suffolk; Suffolk Coastal ~ 'East Suffolk South', a part.
  ['EENEL8', 'EE6', 'continuing', false, true],
  // Bradford -> Exceed: same district, same website www.teachingschoolhub.co.uk.
  ['LWY10', 'YH6', 'continuing', true, false],
  // Grange Lane Infant Academy (URN 137482) led both; Exchange Teaching Hub serves both areas in 2025.
  ['EMH11', 'YH1', 'another-hub', false, false],
  ['LWY14', 'YH8', 'another-hub', false, true],
  // Birmingham North and South become two hubs both listed as 'Birmingham': the name tells them apart.
  ['WM9', 'WM9', 'continuing', false, true],
  ['WM11', 'WM10', 'another-hub', false, true],
  ['SW10', 'SW10', 'continuing', true, false],
  // Seven Northamptonshire districts = North + West Northamptonshire (2021); six Cumbrian = Cumberland + W&F.
  ['NWLSC7', 'EM8', 'continuing', false, false],
  ['NOR1', 'NW11', 'continuing', false, false],
  ['EENEL6', 'EE5', 'continuing', true, true],
  ['NOR2', 'YH10', 'continuing', false, true],
  // One school (Bennett Memorial, URN 136603) led both Kent hubs; Shepway is now Folkestone and Hythe.
  ['SESL2', 'SE2', 'continuing', false, false],
  ['SESL8', 'SE8', 'continuing', false, false],
  ['SESL13', 'L8', 'continuing', true, true],
  ['EENEL9', 'L3', 'continuing', true, true],
  ['SW1', 'SW1', 'continuing', false, false],
];

describe('the changes from the 2021 list to the 2025 list', () => {
  const diff = snapshotDiff(db, { network: 'hubs', from: '2022-06-01', to: '2025-10-01' });
  const changes = diff.hubs!.changes;

  it.each(HAND_CHECKED)('%s -> %s: %s (renamed %s, weak %s)', (from, to, kind, renamed, weak) => {
    const change = changes.find((c) => c.from.some((h) => h.key === from))!;
    expect([change.to.map((h) => h.key), change.class, change.renamed, change.weak.length > 0]).toEqual([
      [to],
      kind,
      renamed,
      weak,
    ]);
  });

  it('counts 83 continuing (11 renamed) and 4 led by another hub; none new, ended or redrawn; 13 weak', () => {
    expect(diff.hubs!.counts).toEqual({
      continuing: 83,
      'another-hub': 4,
      new: 0,
      ended: 0,
      redrawn: 0,
      renamed: 11,
      weak: 13,
    });
  });

  it('says who leads an area another hub took over, or that the list does not say', () => {
    const ledBy = (key: string) => changes.find((c) => c.from[0]!.key === key)!.led_by;
    expect(ledBy('EENEL2')).toBe(
      'Unity Teaching School Hub: the same name and website as EE6, which continues EENEL8 (Unity Teaching School ' +
        'Hub); which school leads it, the list does not say',
    );
    expect(ledBy('EMH11')).toBe(
      'Exchange Teaching Hub, a hub the earlier list does not name; which school leads it, the list does not say',
    );
  });

  it('makes joiners and leavers of the hubs that changed, not of every code', () => {
    expect(diff.joiners.map((m) => m.member_key).sort()).toEqual(['EE2', 'WM10', 'YH1', 'YH8']);
    expect(diff.leavers.map((m) => m.member_key).sort()).toEqual(['EENEL2', 'EMH11', 'LWY14', 'WM11']);
  });

  // 79 of 87 are confirmed the same hub; 5 of those were led by a school not in the 2018 establishments list.
  it('locates a 2025 hub only where the match confirms it is the same hub', () => {
    const rows = members(db, { network: 'hubs', limit: 1000, offset: 0 }).rows;
    const at = (key: string) => rows.find((m) => m.member_key === key)!;
    expect(at('YH6')).toMatchObject({ urn: null, latitude: byKeyLocation('LWY10').latitude });
    for (const key of ['EE2', 'YH1', 'YH8', 'WM10', 'EE5', 'L3', 'L8', 'WM2'])
      expect(at(key).latitude).toBeNull();
    expect(rows.filter((m) => m.latitude !== null)).toHaveLength(74);
  });
});

function byKeyLocation(key: string) {
  return members(db, { network: 'hubs', as_at: '2021-09-01', limit: 1000, offset: 0 }).rows.find(
    (m) => m.member_key === key,
  )!;
}
