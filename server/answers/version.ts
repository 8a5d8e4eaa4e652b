import { answersVersionToken } from '../../common/data-version.js';
import type { DataVersion } from '../db/queries/data-version.js';
import { codeRevision } from './code-revision.js';

/** The ETag for a data version: the same data and the same server code give the same answer. */
export function etagFor(version: DataVersion, codeRevision: string): string {
  const data = version.import_id === null ? 'empty' : `${version.import_id}-${version.finished_at ?? ''}`;
  return `W/"${codeRevision}.${data.replace(/[^A-Za-z0-9.:-]/g, '')}"`;
}

// Today's date is needed on every read: it is worked out again only when the day changes.
let day = { name: '', from: 0, to: 0 };

function thisDay(): typeof day {
  const now = Date.now();
  if (now < day.from || now >= day.to) {
    const date = new Date(now);
    const from = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    day = { name: date.toISOString().slice(0, 10), from, to: from + 24 * 60 * 60 * 1000 };
  }
  return day;
}

/** Today's date (UTC), YYYY-MM-DD. */
export function today(): string {
  return thisDay().name;
}

/** Whole seconds until today (UTC) ends: how long an answer judged as of today stays true. */
export function secondsLeftToday(): number {
  return Math.max(1, Math.floor((thisDay().to - Date.now()) / 1000));
}

/**
 * The ETag of a cacheable answer: answers depend on the data, the server code and (for progress, judged as of
 * today) the date.
 */
export function stampFor(version: DataVersion, codeRevision: string): string {
  return etagFor(version, `${codeRevision}.${today().replace(/-/g, '')}`);
}

/**
 * What a URL names with `v` to get an answer no cache ever needs to ask for again: the data version and the server
 * code ('12.20261123101947.1a2b3c4d'; '0.1a2b3c4d' before any import). Not the day: an answer judged as of today
 * says so in its own freshness (api/serve.ts).
 */
export function answersVersion(version: DataVersion, code: string = codeRevision()): string {
  return answersVersionToken(version, code);
}
