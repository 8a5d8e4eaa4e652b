import { describe, expect, it } from 'vitest';
import type { CoverageRow } from '../../../client/src/api.js';
import { mapSummary } from '../../../client/src/map/summary.js';

const words = {
  member: 'teaching school',
  members: 'teaching schools',
  radiusKm: 15,
  network: 'Teaching schools',
};

function row(la_code: string, name: string, members: number | null, beyond: number | null = 0): CoverageRow {
  return {
    la_code,
    name,
    region: null,
    members,
    groups: null,
    schools: 10,
    pupils: null,
    members_per_100_schools: null,
    covered: members === null ? null : members > 0,
    schools_beyond_km: members === null ? null : beyond,
  };
}

const many = Array.from({ length: 149 }, (_, i) => row(String(300 + i), `Area ${i}`, 5));

describe('mapSummary', () => {
  it('names the areas with none', () => {
    const rows = [
      row('201', 'City of London', 0),
      row('420', 'Isles of Scilly', 0),
      row('921', 'Isle of Wight', 0),
      ...many,
    ];
    expect(mapSummary(rows, 'covered', words)).toBe(
      '3 of 152 council areas have no teaching school: City of London, Isles of Scilly and Isle of Wight.',
    );
    const camden = row('202', 'Camden', 9);
    expect(mapSummary([...rows, camden], 'members', words)).toBe(
      '3 of 153 council areas have no teaching school: City of London, Isles of Scilly and Isle of Wight. ' +
        'The most are in Camden (9).',
    );
  });

  it('follows the measure: members per 100 schools gives the range', () => {
    const rows = [
      { ...row('201', 'A', 1), members_per_100_schools: 0.5 },
      { ...row('202', 'B', 3), members_per_100_schools: 6.1 },
      { ...row('203', 'C', 0), members_per_100_schools: 0 },
    ];
    expect(mapSummary(rows, 'members_per_100_schools', words)).toBe(
      'Teaching schools per 100 schools range from 0.5 in A to 6.1 in B; 1 council area has none.',
    );
  });

  it('says "no data" rather than none when nothing is known', () => {
    const rows = [row('201', 'A', null), row('202', 'B', null)];
    expect(mapSummary(rows, 'covered', { ...words, network: 'National Leaders of Education' })).toBe(
      'No member list is held for National Leaders of Education on this date, so all 2 council areas show "no data" (which is not the same as none).',
    );
  });

  it('counts schools beyond the radius', () => {
    const rows = [row('201', 'A', 1, 4), row('202', 'B', 2, 0), row('203', 'C', null)];
    expect(mapSummary(rows, 'schools_beyond_km', words)).toBe(
      '1 of 3 council areas have schools more than 15 km from the nearest teaching school (4 schools in all). 1 show no data.',
    );
  });
});
