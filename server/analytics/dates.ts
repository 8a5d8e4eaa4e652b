// Dates as YYYY-MM-DD text (UTC), and the periods of month- and year-precision figures.

const DAY_MS = 86_400_000;
export const DAYS_PER_MONTH = 365.25 / 12;

export type Precision = 'day' | 'month' | 'year';

const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last day a dated figure can stand for: a month-precision '2015-03' counts at 2015-03-31. */
export function periodEnd(date: string, precision: Precision): string {
  if (precision === 'day') return date;
  if (precision === 'year') return `${date.slice(0, 4)}-12-31`;
  const [year, month] = date.split('-').map(Number) as [number, number];
  return fromMs(Date.UTC(year, month, 0)); // day 0 of the next month
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / DAYS_PER_MONTH;
}

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + Math.round(days) * DAY_MS);
}

/** 'October 2016', '26 May 2014', '2015': a date as its precision allows. */
export function spoken(date: string, precision: Precision): string {
  if (precision === 'year') return date.slice(0, 4);
  const d = new Date(toMs(precision === 'month' ? `${date.slice(0, 7)}-01` : date));
  const month = d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return precision === 'month'
    ? `${month} ${d.getUTCFullYear()}`
    : `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

/** The first day a dated figure can stand for: a month-precision '2015-03' starts on 2015-03-01. */
export function periodStart(date: string, precision: Precision): string {
  if (precision === 'day') return date;
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`;
  return `${date.slice(0, 7)}-01`;
}
