import { describe, expect, it } from 'vitest';
import { StampedCache } from '../../server/answers/stamped-cache.js';

const sized = (max: number, versions = 2) => new StampedCache<string>(max, (v) => v.length, versions);

describe('StampedCache', () => {
  it('keeps the answers of the old version while the new one is filled, and drops the oldest past two', () => {
    const cache = sized(100);
    cache.set('v1', 'a', 'old');
    cache.set('v2', 'a', 'new');
    expect([cache.get('v1', 'a'), cache.get('v2', 'a')]).toEqual(['old', 'new']);
    cache.set('v3', 'a', 'newer');
    expect([cache.get('v1', 'a'), cache.get('v2', 'a'), cache.get('v3', 'a')]).toEqual([
      undefined,
      'new',
      'newer',
    ]);
    expect(cache.stamps).toEqual(['v2', 'v3']);
  });

  it('evicts the least recently used value, from the oldest version first, to stay within its size', () => {
    const cache = sized(6);
    cache.set('v1', 'a', 'aa');
    cache.set('v1', 'b', 'bb');
    cache.set('v2', 'c', 'cc');
    cache.get('v1', 'a'); // now b is the least recently used of v1
    cache.set('v2', 'd', 'dd');
    expect(cache.get('v1', 'b')).toBeUndefined();
    expect([cache.get('v1', 'a'), cache.get('v2', 'c'), cache.get('v2', 'd')]).toEqual(['aa', 'cc', 'dd']);
    cache.set('v2', 'e', 'eeee');
    expect(cache.count).toBe(2);
    expect(cache.values('v2')).toEqual(['dd', 'eeee']);
  });

  it('replaces a value under the same key without counting it twice, and refuses one larger than the whole', () => {
    const cache = sized(4);
    cache.set('v1', 'a', 'aa');
    cache.set('v1', 'a', 'bbb');
    cache.set('v1', 'b', 'c');
    expect(cache.values('v1')).toEqual(['bbb', 'c']);
    cache.set('v1', 'huge', 'xxxxx');
    expect(cache.get('v1', 'huge')).toBeUndefined();
    expect(cache.count).toBe(2);
  });
});
