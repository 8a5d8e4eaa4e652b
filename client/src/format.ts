// Number and date formatting for the page and the downloads (en-GB, UTC dates).
import { formatDate, isoDay, periodEnd, periodStart, utcDay, type Precision } from '../../common/dates.js';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? 'no data' : integer.format(n);
}

export function formatDecimal(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? 'no data' : oneDecimal.format(n);
}

export function formatPct(n: number | null | undefined): string {
  return n === null || n === undefined ? 'no data' : `${oneDecimal.format(n)}%`;
}

export { formatDate, type Precision };

/** The last day a date of its written precision covers: '2015-03' -> 2015-03-31 (a month counts at its end). */
export function endOfPeriod(text: string): Date | null {
  return utcDay(text) && utcDay(periodEnd(text));
}

/** The first day a date of its written precision covers: '2015-03' -> 2015-03-01. */
export function startOfPeriod(text: string): Date | null {
  return utcDay(text) && utcDay(periodStart(text));
}

/** A YYYY-MM or YYYY-MM-DD text as a YYYY-MM-DD as_at (a month counts at its end). */
export function asAtOf(text: string): string | null {
  const end = endOfPeriod(text);
  return end ? isoDay(end) : null;
}

export function counted(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

/** 'a, b and c' */
export function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A data-version token ('12.20261123101947') in words: 'import 12 of 23 November 2026, 10:19 UTC'. */
export function describeVersion(token: string | null): string {
  const match = token ? /^(\d+)\.(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(token) : null;
  if (!match) return token ?? 'unknown';
  const [, id, y, mo, d, hh, mm] = match;
  return `import ${id} of ${formatDate(`${y}-${mo}-${d}`)}, ${hh}:${mm} UTC`;
}
