// Dates in words, the same on the page, in downloads and in the server's oEmbed titles (en-GB, UTC).

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
