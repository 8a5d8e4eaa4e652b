import { afterAll, describe, expect, it } from 'vitest';
import { coverage } from '../../server/analytics/coverage.js';
import { NotFoundError } from '../../server/analytics/errors.js';
import { gaps } from '../../server/analytics/gaps.js';
import { members } from '../../server/analytics/members.js';
import { schoolsBeyond } from '../../server/analytics/schools-beyond.js';
import { shippedDb } from './helpers.js';

// A hub reaches the council areas it serves, on the shipped data's six hub lists: never a distance from a lead
// school, never a location taken from an earlier list, and every phase.

const db = shippedDb();
afterAll(() => db.close());

const gapOf = (as_at: string, la: string, phase?: string) =>
  gaps(db, { network: 'hubs', as_at, radius_km: 10, phase }).rows.find((r) => r.la_code === la)!;

describe('the gap finder for hubs', () => {
  it('serves Thurrock by the hub whose areas name it, measuring no distance', () => {
    const thurrock = gapOf('2025-10-01', '883');
    expect(thurrock).toMatchObject({
      covered: true,
      members: 1,
      schools_beyond_km: null,
      nearest_members: [],
    });
    expect(thurrock.reason).toBe(
      'served by EE5 Chafford Hundred South Essex Teaching School Hub (Thurrock): its 68 establishments are served',
    );
  });

  it('says which part is served: Northamptonshire in 2023, without West Northamptonshire', () => {
    expect(gapOf('2023-11-01', '928').reason).toBe(
      'served in part by Northamptonshire Teaching School Hub (North Northamptonshire): Corby, East ' +
        'Northamptonshire, Kettering and Wellingborough; no hub names Daventry, Northampton and South ' +
        'Northamptonshire; the list cannot say which of its 392 establishments lie in the part no hub names',
    );
    expect(gapOf('2024-09-01', '928').reason).toMatch(/^served by /);
  });

  it('is not narrowed by phase: a hub serves every phase, and the phase narrows the establishments', () => {
    const secondary = gapOf('2025-10-01', '883', 'Secondary');
    expect(secondary).toMatchObject({ covered: true, members: 1 });
    expect(secondary.reason).toMatch(/its \d+ establishments of phase Secondary are served$/);
    const rows = coverage(db, {
      network: 'hubs',
      as_at: '2025-10-01',
      radius_km: 10,
      phase: 'Secondary',
    }).rows;
    expect(rows.filter((r) => r.covered)).toHaveLength(152);
  });

  it('answers the reach list for hubs by the areas they serve, never by distances', () => {
    expect(() => schoolsBeyond(db, { network: 'hubs', as_at: '2022-01-01', radius_km: 10 })).toThrow(
      NotFoundError,
    );
    expect(() => schoolsBeyond(db, { network: 'hubs', as_at: '2025-10-01', radius_km: 10 })).toThrow(
      /reach the council areas they serve, not a distance from a school/,
    );
  });

  it('places no hub by a location from an earlier list', () => {
    const rows = members(db, { network: 'hubs', as_at: '2025-10-01', limit: 1000, offset: 0 }).rows;
    expect(rows.filter((m) => m.latitude !== null || m.location_via !== null)).toEqual([]);
  });
});
