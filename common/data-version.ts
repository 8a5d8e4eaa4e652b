// A data version in words, the same on the dashboard, in downloads and in the API's headers. Its `v` is the
// import's id and when it committed ('12.20261123101947': import 12, 23 November 2026 10:19:47 UTC).
import { formatDate } from './dates.js';

/** The day (YYYY-MM-DD) the import named by `v` committed; null for '0' (nothing imported) or not a `v`. */
export function versionDay(v: string | null): string | null {
  const m = v ? /^\d+\.(\d{4})(\d{2})(\d{2})\d{6}$/.exec(v) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** 'Data as of 23 November 2026 (import 12)'. */
export function dataAsOf(v: string): string {
  return `Data as of ${formatDate(versionDay(v))} (import ${v.split('.')[0]})`;
}

/** What an answer or view on an old version says: 'Data as of 27 November 2026 (import 15). Newer data: 7 December 2026'. */
export function newerDataNote(v: string, current: string): string {
  return `${dataAsOf(v)}. Newer data: ${formatDate(versionDay(current))}`;
}
