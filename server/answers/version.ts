import type { DataVersion } from '../db/queries/data-version.js';

/** The ETag for a data version: the same data and the same server code give the same answer. */
export function etagFor(version: DataVersion, codeRevision: string): string {
  const data = version.import_id === null ? 'empty' : `${version.import_id}-${version.finished_at ?? ''}`;
  return `W/"${codeRevision}.${data.replace(/[^A-Za-z0-9.:-]/g, '')}"`;
}

// Today's date is needed on every read: it is worked out again only when the day changes.
let day = { name: '', from: 0, to: 0 };

/** Today's date (UTC), YYYY-MM-DD. */
export function today(): string {
  const now = Date.now();
  if (now < day.from || now >= day.to) {
    const date = new Date(now);
    const from = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    day = { name: date.toISOString().slice(0, 10), from, to: from + 24 * 60 * 60 * 1000 };
  }
  return day.name;
}

/**
 * The ETag of a cacheable answer: answers depend on the data, the server code and (for progress, judged as of
 * today) the date.
 */
export function stampFor(version: DataVersion, codeRevision: string): string {
  return etagFor(version, `${codeRevision}.${today().replace(/-/g, '')}`);
}
