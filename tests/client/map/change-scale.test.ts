import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../client/src/api.js';
import {
  CHANGE_FILLS,
  changeKind,
  changeLegend,
  describeChange,
  type AreaChange,
} from '../../../client/src/map/change-scale.js';
import { COVERED, GAP } from '../../../client/src/map/scale.js';

const words = { member: 'teaching school', members: 'teaching schools' };

const area = (la_code: string, from: number, to: number): AreaChange => ({
  la_code,
  name: `Area ${la_code}`,
  from_members: from,
  to_members: to,
  change: to - from,
  coverage: from === 0 && to > 0 ? 'gained' : to === 0 && from > 0 ? 'lost' : null,
});

describe('changeKind', () => {
  it.each([
    [area('886', 0, 1), 'gained'],
    [area('208', 1, 0), 'lost'],
    [area('921', 1, 2), 'more'],
    [area('202', 3, 1), 'fewer'],
    [undefined, 'unchanged'],
  ] as const)('%o is %s', (change, kind) => {
    expect(changeKind(change)).toBe(kind);
  });

  it('gives gained and lost the coverage map\u2019s own colours', () => {
    expect(CHANGE_FILLS.gained).toBe(COVERED);
    expect(CHANGE_FILLS.lost).toBe(GAP);
    expect(new Set(Object.values(CHANGE_FILLS)).size).toBe(5);
  });
});

describe('describeChange', () => {
  it('says the change and the counts in words', () => {
    expect(describeChange(area('886', 0, 1), words)).toBe('coverage gained: 0 to 1 teaching school');
    expect(describeChange(area('208', 2, 0), words)).toBe('coverage lost: 2 to 0 teaching schools');
    expect(describeChange(area('921', 1, 2), words)).toBe('1 to 2 teaching schools, still covered');
    expect(describeChange(undefined, words)).toBe('no change');
  });
});

describe('changeLegend', () => {
  it('counts the areas in each class', () => {
    const preview = {
      area_changes: [area('886', 0, 1), area('887', 0, 3), area('208', 1, 0), area('921', 1, 2)],
    } as ImportPreview;
    expect(changeLegend(preview, words).entries.map((e) => [e.kind, e.label])).toEqual([
      ['gained', 'Coverage gained (no teaching school before): 2'],
      ['lost', 'Coverage lost (no teaching school after): 1'],
      ['more', 'More teaching schools, still covered: 1'],
      ['fewer', 'Fewer teaching schools, still covered: 0'],
      ['unchanged', 'No change'],
    ]);
  });
});
