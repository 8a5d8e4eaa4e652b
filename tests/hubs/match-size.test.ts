import { describe, expect, it } from 'vitest';
import { matchHubs } from '../../server/hubs/match.js';
import type { ListedHub } from '../../server/hubs/types.js';

// An upload is previewed against the list in force (matchHubs) while it holds the import lock. Sorting the changes
// looked each hub up with findIndex in the comparator: a made-up list of 20,000 hubs took 15 s to preview, most
// of it there, and the time grew with the square of the list.

const hub = (key: string, district: string): ListedHub => ({
  key,
  name: `Hub ${key}`,
  website: null,
  urn: null,
  lead_school: null,
  places: [{ name: district, districts: [district], part: false }],
});

describe('a list of 30,000 hubs against one of 100', () => {
  const earlier = Array.from({ length: 100 }, (_, i) => hub(`E${i}`, 'A'));
  const later = Array.from({ length: 30_000 }, (_, i) => hub(`N${i}`, 'B'));

  it('is matched in a few seconds at most, its changes in list order', () => {
    const started = performance.now();
    const { changes, counts } = matchHubs(earlier, later);
    const ms = performance.now() - started;
    expect(counts).toMatchObject({ new: 30_000, ended: 100 });
    // The later list's order, then the hubs that ended in the earlier list's order.
    expect(changes.slice(0, 2).map((c) => c.to)).toEqual([['N0'], ['N1']]);
    expect(changes.at(-1)).toMatchObject({ class: 'ended', from: ['E99'] });
    expect(ms).toBeLessThan(4000);
  });
});
