// The one place caching headers are worked out: what a cache in front (nginx, a CDN, a browser) may keep.
import { secondsLeftToday } from '../answers/today.js';

/** How long an answer whose URL names no version stays fresh in any cache, and then may be used while refreshed. */
export const FRESH_S = 10;
export const STALE_WHILE_REVALIDATE_S = 30;
/** How long an answer pinned to the current version stays fresh before it is revalidated (a 304 by its ETag). */
export const PINNED_CURRENT_S = 60;

/**
 * What a cache may do with an answer:
 * - `versioned`: its URL names a data version (`v`) that an import has replaced, so it never changes (kept
 *   versions are read-only, and its provenance names the version that replaced it, a fact for ever): kept for a
 *   year, never asked for again;
 * - `versioned-today`: the same, but judged as of today (progress without as_at): kept until the day ends;
 * - `pinned-current`: its URL names the current version: its figures never change, but once an import replaces
 *   that version its body gains the provenance saying so. Fresh for PINNED_CURRENT_S (a burst of readers of a
 *   new embed asks once a minute at most), then revalidated by its ETag, which names whether it was replaced:
 *   a 304 until an import, the noted answer after it;
 * - `unversioned`: fresh for a few seconds, then used while it is refreshed, and revalidated by its ETag, so
 *   after an import a reader behind any cache sees the new data within FRESH_S seconds;
 * - `revalidate`: asked again every time, answered 304 by its ETag (the dashboard's page, which names the bundle);
 * - `asset`: a content-hashed file of the dashboard, the same for ever;
 * - `never`: never stored by anyone (writes, errors, the admin view, /healthz,
 *   import reports).
 * The one place caching headers are set.
 */
export type CacheKind =
  'versioned' | 'versioned-today' | 'pinned-current' | 'unversioned' | 'revalidate' | 'asset' | 'never';

export function cacheControl(kind: CacheKind): string {
  switch (kind) {
    case 'versioned':
    case 'asset':
      return 'public, max-age=31536000, immutable';
    case 'versioned-today':
      return `public, max-age=${secondsLeftToday()}`;
    case 'pinned-current':
      return `public, max-age=${Math.min(PINNED_CURRENT_S, secondsLeftToday())}`;
    case 'unversioned':
      return `public, max-age=${Math.min(FRESH_S, secondsLeftToday())}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`;
    case 'revalidate':
      return 'no-cache';
    case 'never':
      return 'no-store';
  }
}
