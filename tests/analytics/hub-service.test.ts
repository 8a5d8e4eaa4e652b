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
    // 56 open in the GIAS register of June 2024, the extract nearer 2025 (68 in March 2018).
    expect(thurrock.reason).toBe(
      'served by EE5 Chafford Hundred South Essex Teaching School Hub (Thurrock): its 56 establishments are served',
    );
  });

  it('counts the areas of the day: West Northamptonshire unserved in 2023, served in 2024', () => {
    // From April 2021 Northamptonshire is North (940) and West (941) Northamptonshire; the lists of 2023 name no
    // hub for Daventry, Northampton and South Northamptonshire, which make West Northamptonshire.
    expect(gapOf('2023-11-01', '940')).toMatchObject({ covered: true });
    expect(gapOf('2023-11-01', '940').reason).toMatch(/^served by .*North Northamptonshire/);
    expect(gapOf('2023-11-01', '941')).toMatchObject({ covered: false, members: 0 });
    expect(gapOf('2023-11-01', '941').reason).toBe(
      'no hub serves West Northamptonshire: its 209 establishments are unserved',
    );
    expect(gapOf('2024-09-01', '941')).toMatchObject({ covered: true, members: 1 });
    expect(gapOf('2024-09-01', '941').reason).toMatch(/^served by /);
    expect(gapOf('2023-11-01', '928')).toBeUndefined();
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
    // Every one of the 153 areas of 1 October 2025.
    expect(rows.filter((r) => r.covered)).toHaveLength(153);
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
