import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, periodEnd, spoken } from '../../server/analytics/dates.js';

describe('dates', () => {
  it.each([
    ['2015-03', 'month', '2015-03-31'],
    ['2016-02', 'month', '2016-02-29'],
    ['2015-02', 'month', '2015-02-28'],
    ['2016-12', 'month', '2016-12-31'],
    ['2014', 'year', '2014-12-31'],
    ['2014-05-26', 'day', '2014-05-26'],
  ] as const)('a %s-precision %s ends on %s', (date, precision, end) => {
    expect(periodEnd(date, precision)).toBe(end);
  });

  it('counts and adds days', () => {
    expect(daysBetween('2014-05-26', '2015-03-31')).toBe(309);
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
  });

  it('speaks a date as its precision allows', () => {
    expect(spoken('2016-10', 'month')).toBe('October 2016');
    expect(spoken('2014-05-26', 'day')).toBe('26 May 2014');
    expect(spoken('2015', 'year')).toBe('2015');
  });
});
