// Dates as the periods they stand for: a figure dated by a month covers the month, by a year the year.
import { endOfPeriod, startOfPeriod } from '../../format.js';
import type { Precision } from '../../../../common/dates.js';

/** The first day a date stands for; throws naming a date that is not one. */
export function dayOf(text: string): Date {
  const d = startOfPeriod(text);
  if (!d) throw new Error(`invalid date: ${JSON.stringify(text)}`);
  return d;
}

/** The first and last day a date of its precision stands for. */
export function periodOf(date: string, precision: Precision): [Date, Date] {
  const start = dayOf(date);
  return [start, precision === 'day' ? start : (endOfPeriod(date) ?? start)];
}

export function midpoint([a, b]: [Date, Date]): Date {
  return new Date((a.getTime() + b.getTime()) / 2);
}
