import { describe, expect, it } from 'vitest';
import type { CoverageRow } from '../../../client/src/api.js';
import { classBreaks, classLabel, colourScale, NO_DATA_FILL } from '../../../client/src/map/scale.js';

const words = { member: 'teaching school', members: 'teaching schools', radiusKm: 15 };

function row(la_code: string, members: number | null): CoverageRow {
  return {
    la_code,
    name: `Area ${la_code}`,
    region: null,
    members,
    groups: null,
    schools: 100,
    pupils: null,
    members_per_100_schools: members === null ? null : members,
    covered: members === null ? null : members > 0,
    schools_beyond_km: members === null ? null : 0,
  };
}

describe('classBreaks', () => {
  it('splits positive values into distinct rounded bins', () => {
    expect(classBreaks([0, 1, 2, 3, 4, 5, 6, 7, 8, 20], 4, true)).toEqual([3, 5, 7, 20]);
    expect(classBreaks([0, 0], 4, true)).toEqual([]);
    expect(classBreaks([5, 5, 5], 4, true)).toEqual([5]);
  });

  it('rounds bounds up, so no value is over its class\u2019s stated upper bound', () => {
    const values = [0.54, 0.61, 1.17, 2.26, 3.94, 6.14];
    const bounds = classBreaks(values, 4, false);
    expect(bounds.at(-1)).toBe(6.2);
    for (const v of values) expect(bounds.some((b) => v <= b)).toBe(true);
  });
});

describe('classLabel', () => {
  it('states both bounds, and no two classes share a value', () => {
    expect(classLabel(null, 3, true)).toBe('1–3');
    expect(classLabel(3, 7, true)).toBe('4–7');
    expect(classLabel(7, 8, true)).toBe('8');
    expect(classLabel(null, 0.5, false)).toBe('Over 0.0 to 0.5');
    expect(classLabel(0.5, 1.2, false)).toBe('Over 0.5 to 1.2');
  });
});

describe('colourScale', () => {
  const rows = [row('201', 0), row('202', 2), row('203', 9), row('204', null)];

  it('draws zero and no data differently, and words them differently', () => {
    const scale = colourScale(rows, 'members', words);
    expect(scale.fill(0)).not.toBe(scale.fill(null));
    expect(scale.fill(null)).toBe(NO_DATA_FILL);
    expect(scale.describe(null)).toBe('no data');
    expect(scale.describe(0)).toBe('none (0 teaching schools)');
    expect(scale.describe(1)).toBe('1 teaching school');
    expect(scale.entries.map((e) => e.kind)).toEqual(['zero', 'range', 'range', 'no-data']);
    expect(scale.entries.at(-1)?.label).toBe('No data (not the same as none)');
  });

  it('leaves "no data" out of the legend when every area has data', () => {
    const scale = colourScale(rows.slice(0, 3), 'covered', words);
    expect(scale.entries.map((e) => e.label)).toEqual(['At least one teaching school', 'No teaching school']);
  });

  it('colours positive values by bin', () => {
    const scale = colourScale(rows, 'members', words);
    expect(scale.fill(2)).not.toBe(scale.fill(9));
    expect(scale.fill(100)).toBe(scale.fill(9));
  });
});

describe('colourScale with no data at all', () => {
  it('offers only "no data" in the legend', () => {
    const scale = colourScale([row('201', null), row('202', null)], 'members', words);
    expect(scale.entries.map((e) => e.kind)).toEqual(['no-data']);
    expect(scale.fill(3)).toBe(NO_DATA_FILL);
  });
});
