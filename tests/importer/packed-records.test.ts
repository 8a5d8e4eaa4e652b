import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  packRecords,
  packedValues,
  transferable,
  unpackRecords,
} from '../../server/importer/packed-records.js';

/** What the receiving thread gets: a structured clone, with the packed buffers handed over. */
const sent = <T>(packed: T & Parameters<typeof transferable>[0]): T =>
  structuredClone(packed, { transfer: transferable(packed) });

describe('records packed to cross between threads', () => {
  it('come back as they were, in their order, with their buffers handed over', () => {
    const record = fc.record(
      {
        urn: fc.integer(),
        la_code: fc.option(fc.string()),
        name: fc.string({ unit: 'grapheme' }),
        in_council_areas: fc.boolean(),
        latitude: fc.option(fc.double()),
        places: fc.array(fc.string()),
        note: fc.constantFrom(undefined, null, '', 0, -0, { nested: ['x'] }),
      },
      // Plain objects, as the formats make.
      { noNullPrototype: true },
    );
    fc.assert(
      fc.property(fc.array(record), (records) => {
        expect(unpackRecords(sent(packRecords(records)))).toStrictEqual(records);
      }),
    );
  });

  it('are sent as they are when their keys differ, keeping their order', () => {
    const records = [{ a: 1, b: 2 }, { a: 3 }, { b: 4, a: 5 }];
    const packed = packRecords(records);
    expect('records' in packed).toBe(true);
    expect(transferable(packed)).toEqual([]);
    expect(unpackRecords(sent(packed))).toEqual(records);
  });

  it('of one shape carry their keys once and give their values record after record', () => {
    const packed = packRecords([
      { a: 1, b: 'x', c: true },
      { a: 2.5, b: 'yz', c: null },
    ]);
    if (!('keys' in packed)) throw new Error('expected values');
    expect(packed.keys).toEqual(['a', 'b', 'c']);
    // Strings travel as one: 'xyz' with their lengths, not six small clones.
    expect(packed.text).toBe('xyz');
    expect(transferable(packed)).toHaveLength(2);
    expect(packedValues(sent(packed))).toEqual([1, 'x', true, 2.5, 'yz', null]);
  });
});
