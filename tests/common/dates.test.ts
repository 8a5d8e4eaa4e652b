import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  isoDay,
  periodEnd,
  periodStart,
  precisionOf,
  utcDay,
} from '../../common/dates.js';

// The formats the dashboard, its downloads (captions, ZIP READMEs) and the server's sentences show: pinned here, as
// date-fns writes them.
describe('dates', () => {
  it.each([
    ['2014-05-26', 'day', '26 May 2014'],
    ['2014-05-01', 'day', '1 May 2014'],
    ['2014-05-26', 'month', 'May 2014'],
    ['2016-10', 'month', 'October 2016'],
    ['2016-10', 'day', 'October 2016'],
    ['2015', 'year', '2015'],
    ['2014-05-26', 'year', '2014'],
    ['2015', 'day', '2015'],
  ] as const)('writes %s at %s precision as %s', (date, precision, words) => {
    expect(formatDate(date, precision)).toBe(words);
  });

  it('says undated for no date and leaves other text as it is', () => {
    expect(formatDate(null)).toBe('undated');
    expect(formatDate('')).toBe('undated');
    expect(formatDate('March 2015')).toBe('March 2015');
    expect(formatDate('2015-02-30')).toBe('2015-02-30');
  });

  it.each([
    ['2015-03', 'month', '2015-03-01', '2015-03-31'],
    ['2016-02', 'month', '2016-02-01', '2016-02-29'],
    ['2015-02', 'month', '2015-02-01', '2015-02-28'],
    ['2016-12', 'month', '2016-12-01', '2016-12-31'],
    ['2014', 'year', '2014-01-01', '2014-12-31'],
    ['2014-05-26', 'day', '2014-05-26', '2014-05-26'],
    ['2014-05-26', 'month', '2014-05-01', '2014-05-31'],
  ] as const)('a %s-precision %s runs from %s to %s', (date, precision, start, end) => {
    expect(periodStart(date, precision)).toBe(start);
    expect(periodEnd(date, precision)).toBe(end);
  });

  it('takes a period at the precision it is written at', () => {
    expect(precisionOf('2015-03')).toBe('month');
    expect(periodEnd('2015-03')).toBe('2015-03-31');
    expect(periodStart('2015')).toBe('2015-01-01');
  });

  it('counts and adds calendar days in UTC', () => {
    expect(daysBetween('2014-05-26', '2015-03-31')).toBe(309);
    expect(daysBetween('2015-03-31', '2014-05-26')).toBe(-309);
    // Across the clocks going forward (29 March 2015 in the UK): still whole days.
    expect(daysBetween('2015-03-28', '2015-03-30')).toBe(2);
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(addDays('2014-05-26', 2.6)).toBe('2014-05-29');
  });

  it('reads only real dates, and names one it cannot read', () => {
    expect(utcDay('2016-02-29')?.toISOString()).toBe('2016-02-29T00:00:00.000Z');
    expect(utcDay('2015-02-29')).toBeNull();
    expect(utcDay('26/05/2014')).toBeNull();
    expect(() => periodEnd('2015-13')).toThrow("invalid date: '2015-13'");
  });

  it('writes a moment as its UTC day', () => {
    expect(isoDay(new Date('2014-05-26T23:59:59.999Z'))).toBe('2014-05-26');
    expect(isoDay(Date.UTC(2014, 4, 27))).toBe('2014-05-27');
  });
});
