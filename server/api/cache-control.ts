// The one place caching headers are worked out: what a cache in front (nginx, a CDN, a browser) may keep.
import { secondsLeftToday } from '../answers/today.js';

/** How long an answer whose URL names no version stays fresh in any cache, and then may be used while refreshed. */
export const FRESH_S = 10;
export const STALE_WHILE_REVALIDATE_S = 30;

/**
 * What a cache may do with an answer:
 * - `versioned`: its URL names the current data version (`v`), so it never changes: kept for a year, never asked
 *   for again (an old version's answers too: kept versions are read-only);
 * - `versioned-today`: the same, but judged as of today (progress without as_at): kept until the day ends;
 * - `unversioned`: fresh for a few seconds, then used while it is refreshed, and revalidated by its ETag, so
 *   after an import a reader behind any cache sees the new data within FRESH_S seconds;
 * - `revalidate`: asked again every time, answered 304 by its ETag (the dashboard's page, which names the bundle);
 * - `asset`: a content-hashed file of the dashboard, the same for ever;
 * - `never`: never stored by anyone (writes, errors, the admin view, /healthz,
 *   import reports).
 * The one place caching headers are set.
 */
export type CacheKind = 'versioned' | 'versioned-today' | 'unversioned' | 'revalidate' | 'asset' | 'never';

export function cacheControl(kind: CacheKind): string {
  switch (kind) {
    case 'versioned':
    case 'asset':
      return 'public, max-age=31536000, immutable';
    case 'versioned-today':
      return `public, max-age=${secondsLeftToday()}`;
    case 'unversioned':
      return `public, max-age=${Math.min(FRESH_S, secondsLeftToday())}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`;
    case 'revalidate':
      return 'no-cache';
    case 'never':
      return 'no-store';
  }
}
