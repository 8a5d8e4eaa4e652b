import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridIndex, haversineKm, type GeoPoint } from '../../server/analytics/geo.js';

describe('haversineKm', () => {
  it('measures known distances', () => {
    expect(haversineKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(343.5, 0); // London-Paris
    expect(haversineKm(50.0657, -5.7132, 58.6373, -3.0689)).toBeCloseTo(968, -1); // Land's End-John o' Groats
    expect(haversineKm(52, -1, 52, -1)).toBe(0);
  });
});

// England and a little beyond, where the index is used.
const lat = fc.double({ min: 49.5, max: 56, noNaN: true });
const lon = fc.double({ min: -6.5, max: 2, noNaN: true });
const points = fc
  .array(fc.tuple(lat, lon), { maxLength: 300 })
  .map((list) => list.map(([la, lo], i): GeoPoint<number> => ({ lat: la, lon: lo, item: i })));

describe('GridIndex', () => {
  it('finds exactly the points a brute-force scan finds within a radius', () => {
    fc.assert(
      fc.property(points, lat, lon, fc.double({ min: 0.1, max: 80, noNaN: true }), (pts, la, lo, km) => {
        const index = new GridIndex(pts, 10);
        const expected = pts
          .filter((p) => haversineKm(la, lo, p.lat, p.lon) <= km)
          .map((p) => p.item)
          .sort((a, b) => a - b);
        const found = index.within(la, lo, km).map((n) => n.point.item);
        expect([...found].sort((a, b) => a - b)).toEqual(expected);
        expect(index.anyWithin(la, lo, km)).toBe(expected.length > 0);
      }),
    );
  });

  it('gives the k nearest, nearest first, honouring a filter', () => {
    fc.assert(
      fc.property(points, lat, lon, fc.integer({ min: 1, max: 5 }), (pts, la, lo, k) => {
        const index = new GridIndex(pts, 10);
        const even = (i: number) => i % 2 === 0;
        const expected = pts
          .filter((p) => even(p.item))
          .map((p) => haversineKm(la, lo, p.lat, p.lon))
          .sort((a, b) => a - b)
          .slice(0, k);
        const found = index.nearest(la, lo, k, even).map((n) => n.km);
        expect(found).toEqual(expected);
      }),
    );
  });

  it('counts its points', () => {
    expect(new GridIndex([], 5).size).toBe(0);
    expect(new GridIndex([{ lat: 52, lon: 0, item: 1 }]).size).toBe(1);
  });
});
