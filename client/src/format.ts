// Number and date formatting for the page and the downloads (en-GB, UTC dates).

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

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type Precision = 'day' | 'month' | 'year' | 'unknown';

const DATE_RE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/** Parses YYYY, YYYY-MM or YYYY-MM-DD into its parts; null when the text is not such a date. */
export function parseDateParts(text: string): { y: number; m: number | null; d: number | null } | null {
  const match = DATE_RE.exec(text);
  if (!match) return null;
  return {
    y: Number(match[1]),
    m: match[2] === undefined ? null : Number(match[2]),
    d: match[3] === undefined ? null : Number(match[3]),
  };
}

/** '2014-05-26' -> '26 May 2014'; month precision -> 'May 2014'; year -> '2014'. */
export function formatDate(text: string | null | undefined, precision: Precision = 'day'): string {
  if (!text) return 'undated';
  const parts = parseDateParts(text);
  if (!parts) return text;
  const month = parts.m === null ? null : MONTHS[parts.m - 1];
  if (precision === 'year' || month === undefined || month === null) return String(parts.y);
  if (precision === 'month' || parts.d === null) return `${month} ${parts.y}`;
  return `${parts.d} ${month} ${parts.y}`;
}

/** The last day a date of the given precision covers: '2015-03' -> 2015-03-31 (a month counts at its end). */
export function endOfPeriod(text: string): Date | null {
  const parts = parseDateParts(text);
  if (!parts) return null;
  if (parts.m === null) return new Date(Date.UTC(parts.y, 11, 31));
  if (parts.d === null) return new Date(Date.UTC(parts.y, parts.m, 0));
  return new Date(Date.UTC(parts.y, parts.m - 1, parts.d));
}

/** The first day a date of the given precision covers: '2015-03' -> 2015-03-01. */
export function startOfPeriod(text: string): Date | null {
  const parts = parseDateParts(text);
  if (!parts) return null;
  return new Date(Date.UTC(parts.y, (parts.m ?? 1) - 1, parts.d ?? 1));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM or YYYY-MM-DD text as a YYYY-MM-DD as_at (a month counts at its end). */
export function asAtOf(text: string): string | null {
  const end = endOfPeriod(text);
  return end ? isoDate(end) : null;
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
