import { describe, expect, it } from 'vitest';
import {
  asAtOf,
  describeVersion,
  endOfPeriod,
  formatDate,
  formatInt,
  formatPct,
  listJoin,
} from '../../client/src/format.js';

describe('format', () => {
  it('writes dates at their precision', () => {
    expect(formatDate('2014-05-26')).toBe('26 May 2014');
    expect(formatDate('2011-07', 'month')).toBe('July 2011');
    expect(formatDate('2011-07-01', 'month')).toBe('July 2011');
    expect(formatDate('2015', 'year')).toBe('2015');
    expect(formatDate(null)).toBe('undated');
  });

  it('a month counts at its end', () => {
    expect(endOfPeriod('2015-03')?.toISOString().slice(0, 10)).toBe('2015-03-31');
    expect(endOfPeriod('2016-02')?.toISOString().slice(0, 10)).toBe('2016-02-29');
    expect(asAtOf('2011-07')).toBe('2011-07-31');
    expect(asAtOf('2018-03-12')).toBe('2018-03-12');
    expect(asAtOf('March 2015')).toBeNull();
  });

  it('says "no data" rather than 0 for a missing figure', () => {
    expect(formatInt(null)).toBe('no data');
    expect(formatInt(0)).toBe('0');
    expect(formatInt(1234567)).toBe('1,234,567');
    expect(formatPct(98)).toBe('98.0%');
  });

  it('joins lists in words', () => {
    expect(listJoin(['a'])).toBe('a');
    expect(listJoin(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('describeVersion', () => {
  it('says which import the data version is', () => {
    expect(describeVersion('12.20261123101947')).toBe('import 12 of 23 November 2026, 10:19 UTC');
    expect(describeVersion(null)).toBe('unknown');
  });
});
