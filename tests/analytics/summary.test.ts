import { afterAll, describe, expect, it } from 'vitest';
import { NotFoundError, ParameterError } from '../../server/analytics/errors.js';
import { summary } from '../../server/analytics/summary.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
afterAll(() => db.close());

describe('summary', () => {
  it('gives the 2018 teaching school figures', () => {
    expect(summary(db, { network: 'teaching-schools', as_at: '2018-03-12' })).toEqual({
      network: 'teaching-schools',
      as_at: '2018-03-12',
      snapshot_as_at: '2018-03-12',
      members: 808,
      groups: 640,
      council_areas_total: 152,
      council_areas_covered: 149,
      coverage_pct: 98.0,
      uncovered: [
        { la_code: '201', name: 'City of London', region: 'London' },
        { la_code: '420', name: 'Isles of Scilly', region: 'South West' },
        { la_code: '921', name: 'Isle of Wight', region: 'South East' },
      ],
      schools_total: 28087,
      pupils_in_member_schools: expect.any(Number),
      members_by_region: expect.any(Array),
    });
  });

  it('counts members by the regions of the areas they serve: a school once, a hub once in each of its regions', () => {
    const schools = summary(db, { network: 'teaching-schools' }).members_by_region;
    expect(schools).toHaveLength(9);
    expect(schools.reduce((n, r) => n + r.members, 0)).toBe(808);
    const hubs = summary(db, { network: 'hubs', as_at: '2022-06-01' }).members_by_region;
    expect(hubs.find((r) => r.region === 'North East')!.members).toBe(4);
    // A hub whose areas lie in two regions counts in both, so the regions add up to at least the 87.
    expect(hubs.reduce((n, r) => n + r.members, 0)).toBeGreaterThanOrEqual(87);
  });

  it('adds up by region to the national figures', () => {
    const regions = [
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
    const parts = regions.map((region) => summary(db, { network: 'teaching-schools', region }));
    expect(parts.reduce((n, p) => n + p.members, 0)).toBe(808);
    expect(parts.reduce((n, p) => n + p.council_areas_total, 0)).toBe(152);
    expect(parts.reduce((n, p) => n + p.council_areas_covered, 0)).toBe(149);
    expect(parts.reduce((n, p) => n + p.schools_total, 0)).toBe(28087);
  });

  it('throws NotFoundError before the first list and ParameterError for unknown names', () => {
    expect(() => summary(db, { network: 'teaching-schools', as_at: '2011-01-01' })).toThrow(NotFoundError);
    expect(() => summary(db, { network: 'teaching-schools', region: 'Wales' })).toThrow(ParameterError);
    expect(() => summary(db, { network: 'teaching-schools', phase: 'College' })).toThrow(
      "phase: 'College' is not a phase (",
    );
  });
});
