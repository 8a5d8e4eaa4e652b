import { describe, expect, it } from 'vitest';
import { FirstSeen } from '../../server/importer/first-seen.js';

describe('FirstSeen', () => {
  it('gives the line each key was first set at, for every kind of key', () => {
    const seen = new FirstSeen();
    const keys = [0, 1, 100000, 999999, 1 << 20, 2 ** 40, -5, 1.5, 'NLE-1', '100000'];
    keys.forEach((key) => expect(seen.get(key)).toBeUndefined());
    keys.forEach((key, i) => seen.set(key, i + 2));
    keys.forEach((key, i) => expect(seen.get(key)).toBe(i + 2));
    // A number and the string of its digits are different keys.
    seen.set('7', 40);
    expect(seen.get(7)).toBeUndefined();
  });

  it('keeps what it held when a larger key makes it grow', () => {
    const seen = new FirstSeen();
    for (let key = 0; key < 5000; key += 7) seen.set(key, key + 1);
    seen.set(900000, 3);
    for (let key = 0; key < 5000; key++) expect(seen.get(key)).toBe(key % 7 === 0 ? key + 1 : undefined);
    expect(seen.get(900000)).toBe(3);
    expect(seen.get(900001)).toBeUndefined();
  });
});
