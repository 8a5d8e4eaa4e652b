import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRecords, unpackRecords } from '../../server/importer/packed-records.js';

describe('records packed to cross between threads', () => {
  it('come back as they were, in their order, through a structured clone', () => {
    const record = fc.record({
      urn: fc.integer(),
      la_code: fc.option(fc.string()),
      in_council_areas: fc.boolean(),
      latitude: fc.option(fc.double({ noNaN: true })),
      places: fc.array(fc.string()),
    });
    fc.assert(
      fc.property(fc.array(record), (records) => {
        expect(unpackRecords(structuredClone(packRecords(records)))).toEqual(records);
      }),
    );
  });

  it('are sent as they are when their keys differ, keeping their order', () => {
    const records = [{ a: 1, b: 2 }, { a: 3 }, { b: 4, a: 5 }];
    const packed = packRecords(records);
    expect('records' in packed).toBe(true);
    expect(unpackRecords(packed)).toEqual(records);
  });

  it('of one shape carry their keys once', () => {
    const packed = packRecords([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
    expect(packed).toEqual({ keys: ['a', 'b'], values: [1, 'x', 2, 'y'] });
  });
});
