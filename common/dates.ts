// Dates, the one home for them: YYYY, YYYY-MM or YYYY-MM-DD text read as UTC days through date-fns, the periods a
// month- or year-precision figure stands for, day counts, and dates in words, the same on the page, in downloads
// and in the server's answers and oEmbed titles (en-GB).
import { UTCDate } from '@date-fns/utc';
import {
  addDays as plusDays,
  differenceInCalendarDays,
  endOfMonth,
  endOfYear,
  format,
  isValid,
  parse,
  startOfMonth,
  startOfYear,
} from 'date-fns';

/** How much of a date a figure gives: a figure dated by a month stands for the month. */
export type Precision = 'day' | 'month' | 'year';
/** A publication's date may not be known at all. */
export type PublishedPrecision = Precision | 'unknown';

export const DAYS_PER_MONTH = 365.25 / 12;

const WRITTEN: Record<Precision, { form: string; words: string; coarseness: number }> = {
  day: { form: 'yyyy-MM-dd', words: 'd MMMM yyyy', coarseness: 0 },
  month: { form: 'yyyy-MM', words: 'MMMM yyyy', coarseness: 1 },
  year: { form: 'yyyy', words: 'yyyy', coarseness: 2 },
};

/** The precision a text is written at ('2014' year, '2014-05' month, '2014-05-26' day); null for other text. */
export function precisionOf(text: string): Precision | null {
  if (/^\d{4}$/.test(text)) return 'year';
  if (/^\d{4}-\d{2}$/.test(text)) return 'month';
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'day' : null;
}

/** The UTC day a YYYY, YYYY-MM or YYYY-MM-DD text starts on; null when it is not such a date (2015-02-30). */
export function utcDay(text: string): UTCDate | null {
  const precision = precisionOf(text);
  if (precision === null) return null;
  const day = parse(text, WRITTEN[precision].form, new UTCDate(0));
  return isValid(day) ? day : null;
}

function dayOf(text: string): UTCDate {
  const day = utcDay(text);
  if (day === null) throw new Error(`invalid date: '${text}'`);
  return day;
}

/** A moment as the YYYY-MM-DD of its UTC day. */
export function isoDay(date: Date | number): string {
  return format(new UTCDate(typeof date === 'number' ? date : date.getTime()), 'yyyy-MM-dd');
}

export const today = (): string => isoDay(Date.now());

/** The first day a dated figure can stand for: a month-precision '2015-03' starts on 2015-03-01. */
export function periodStart(date: string, precision = precisionOf(date) ?? 'day'): string {
  const day = dayOf(date);
  return isoDay(precision === 'year' ? startOfYear(day) : precision === 'month' ? startOfMonth(day) : day);
}

/** The last day a dated figure can stand for: a month-precision '2015-03' counts at 2015-03-31. */
export function periodEnd(date: string, precision = precisionOf(date) ?? 'day'): string {
  const day = dayOf(date);
  return isoDay(precision === 'year' ? endOfYear(day) : precision === 'month' ? endOfMonth(day) : day);
}

/** Calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(dayOf(to), dayOf(from));
}

export function monthsBetween(from: string, to: string): number {
  return daysBetween(from, to) / DAYS_PER_MONTH;
}

export function addDays(date: string, days: number): string {
  return isoDay(plusDays(dayOf(date), Math.round(days)));
}

/**
 * '2014-05-26' -> '26 May 2014'; at month precision (or a '2014-05' text) 'May 2014'; at year precision '2014'.
 * A date is never said more exactly than it is written. Text that is not a date comes back as it is.
 */
export function formatDate(text: string | null | undefined, precision: Precision = 'day'): string {
  if (!text) return 'undated';
  const written = precisionOf(text);
  const day = utcDay(text);
  if (written === null || day === null) return text;
  const shown = WRITTEN[precision].coarseness > WRITTEN[written].coarseness ? precision : written;
  return format(day, WRITTEN[shown].words);
}
