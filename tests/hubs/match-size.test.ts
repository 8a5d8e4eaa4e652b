import { describe, expect, it } from 'vitest';
import { matchHubs } from '../../server/hubs/match.js';
import type { ListedHub } from '../../server/hubs/types.js';

// An upload is previewed against the list in force (matchHubs) while it holds the import lock: its time must grow
// with the list, not with its square. A made-up list of 20,000 hubs took 15 s to preview. No speed target here
// (targets live in the benches): these lists are matched in 1-2 s now, and a quadratic step coming back would run
// into the suite's 30 s timeout.

const hub = (key: string, ...districts: string[]): ListedHub => ({
  key,
  name: `Hub ${key}`,
  website: null,
  urn: null,
  lead_school: null,
  places: districts.map((district) => ({ name: district, districts: [district], part: false })),
});

describe('a list of 30,000 hubs against one of 100', () => {
  const earlier = Array.from({ length: 100 }, (_, i) => hub(`E${i}`, 'A'));
  const later = Array.from({ length: 30_000 }, (_, i) => hub(`N${i}`, 'B'));

  // Sorting the changes looked each hub up with findIndex in the comparator.
  it('is matched, its changes in list order', () => {
    const { changes, counts } = matchHubs(earlier, later);
    expect(counts).toMatchObject({ new: 30_000, ended: 100 });
    // The later list's order, then the hubs that ended in the earlier list's order.
    expect(changes.slice(0, 2).map((c) => c.to)).toEqual([['N0'], ['N1']]);
    expect(changes.at(-1)).toMatchObject({ class: 'ended', from: ['E99'] });
  });
});

describe('a list of 50,000 hubs in a district an earlier hub shared with another', () => {
  const earlier = [hub('E0', 'A', 'C'), ...Array.from({ length: 99 }, (_, i) => hub(`E${i + 1}`, 'D'))];
  const later = Array.from({ length: 50_000 }, (_, i) => hub(`N${i}`, 'A'));

  // One redrawn group of 50,001 hubs: grouping walked every edge for each hub it reached, and asked whether a
  // hub was in the group by searching the group's list.
  it('is grouped as one redrawn group', () => {
    const { changes, counts } = matchHubs(earlier, later);
    expect(counts).toMatchObject({ redrawn: 1, ended: 99 });
    expect(changes.find((c) => c.class === 'redrawn')).toMatchObject({ from: ['E0'] });
    expect(changes.find((c) => c.class === 'redrawn')!.to).toHaveLength(50_000);
  });
});
