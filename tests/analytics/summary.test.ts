import { afterAll, describe, expect, it } from 'vitest';
import { NotFoundError, ParameterError } from '../../server/analytics/errors.js';
import { members } from '../../server/analytics/members.js';
import { summary } from '../../server/analytics/summary.js';
import { HUB_LIST_DATES } from '../helpers/db.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
const REGIONS = [
  'E12000001',
  'E12000002',
  'E12000003',
  'E12000004',
  'E12000005',
  'E12000006',
  'E12000007',
  'E12000008',
  'E12000009',
];
afterAll(() => db.close());

describe('summary', () => {
  it('gives the 2018 teaching school figures', () => {
    expect(summary(db, { network: 'teaching-schools', as_at: '2018-03-12' })).toEqual({
      network: 'teaching-schools',
      as_at: '2018-03-12',
      snapshot_as_at: '2018-03-12',
      snapshot_in_force_to: '2021-08-31',
      snapshot_age_days: 0,
      members: 808,
      groups: 640,
      groups_note: null,
      council_areas_total: 152,
      council_areas_covered: 149,
      coverage_pct: 98.0,
      uncovered: [
        { la_code: '201', name: 'City of London', region: 'London' },
        { la_code: '420', name: 'Isles of Scilly', region: 'South West' },
        { la_code: '921', name: 'Isle of Wight', region: 'South East' },
      ],
      schools_total: 28087,
      establishments_extract: {
        kind: 'extract',
        name: 'GIAS establishments extract of 12 March 2018',
        file_name: 'establishments/gias_open_establishments_2018-03-12.csv',
        as_at: '2018-03-12',
        has_pupils: true,
        locations_from: 'GIAS establishments extract of 12 March 2018',
        days_from_as_at: 0,
      },
      establishments_not_placed: 0,
      register_open: null,
      list_note: 'list of 12 March 2018, its own date',
      pupils_in_member_schools: 554967,
      member_schools_with_pupils: 753,
      published_total: expect.objectContaining({ date: '2014-05-26', total: 548, qualifier: 'exact' }),
      by_region: expect.any(Array),
    });
  });

  it('says how old the list in force is, and gives the nearest published total beside it', () => {
    const s = summary(db, { network: 'teaching-schools', as_at: '2021-06-01' });
    expect(s).toMatchObject({ snapshot_as_at: '2018-03-12', snapshot_age_days: 1177, members: 808 });
    expect(s.published_total).toMatchObject({ date: '2021-03-01', total: 733, qualifier: 'exact' });
    expect(s.published_total!.publication).toMatchObject({ publisher: 'Department for Education' });
  });

  it('counts each hub once, in the region of most of the areas it serves: 87 in all, 10 in London', () => {
    const hubs = summary(db, { network: 'hubs' });
    expect(hubs.by_region.reduce((n, r) => n + r.members, 0)).toBe(87);
    expect(hubs.by_region.find((r) => r.region === 'London')).toMatchObject({
      members: 10,
      council_areas: 33,
    });
    expect(hubs).toMatchObject({
      groups: null,
      groups_note: expect.stringMatching(/^Teaching school hubs are not/),
    });
    const schools = summary(db, { network: 'teaching-schools' });
    expect(schools.by_region.reduce((n, r) => n + r.members, 0)).toBe(808);
  });

  it('adds up by region to the national figures', () => {
    const parts = REGIONS.map((region) => summary(db, { network: 'teaching-schools', region }));
    expect(parts.reduce((n, p) => n + p.members, 0)).toBe(808);
    expect(parts.reduce((n, p) => n + p.council_areas_total, 0)).toBe(152);
    expect(parts.reduce((n, p) => n + p.council_areas_covered, 0)).toBe(149);
    expect(parts.reduce((n, p) => n + p.schools_total, 0)).toBe(28087);
  });

  it.each(HUB_LIST_DATES)(
    'counts each hub of the list of %s once: its region filters and members by region sum to 87, as by_region',
    (asAt) => {
      const national = summary(db, { network: 'hubs', as_at: asAt });
      const parts = REGIONS.map((region) => summary(db, { network: 'hubs', as_at: asAt, region }));
      expect(parts.reduce((n, p) => n + p.members, 0)).toBe(87);
      expect(parts.map((p) => p.members)).toEqual(
        REGIONS.map((code) => national.by_region.find((r) => r.region_code === code)!.members),
      );
      const listed = REGIONS.map(
        (region) => members(db, { network: 'hubs', as_at: asAt, region, limit: 1000, offset: 0 }).total,
      );
      expect(listed.reduce((n, t) => n + t, 0)).toBe(87);
    },
  );

  it('throws NotFoundError before the first list and ParameterError for unknown names', () => {
    expect(() => summary(db, { network: 'teaching-schools', as_at: '2011-01-01' })).toThrow(NotFoundError);
    expect(() => summary(db, { network: 'teaching-schools', region: 'Wales' })).toThrow(ParameterError);
    expect(() => summary(db, { network: 'teaching-schools', phase: 'College' })).toThrow(
      "phase: 'College' is not a phase (",
    );
  });
});

describe('a hub list answers only its own period', () => {
  it.each([
    ['2022-01-01', '2021-09-01', '2023-10-02', 122],
    ['2023-11-01', '2023-10-03', '2023-12-04', 29],
    ['2024-09-01', '2024-08-14', '2024-10-15', 18],
    ['2024-11-29', '2024-10-16', '2025-09-29', 44],
    ['2025-10-01', '2025-09-30', null, 1],
  ])('on %s: the list of %s, in force to %s, %i days old', (asAt, list, to, days) => {
    expect(summary(db, { network: 'hubs', as_at: asAt })).toMatchObject({
      snapshot_as_at: list,
      snapshot_in_force_to: to,
      snapshot_age_days: days,
    });
  });
});
