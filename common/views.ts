// The dashboard's views: their names in the URL (?view=) and their titles. The dashboard shows them; the server
import { formatDate } from './dates.js';
// names an embedded view with them (oEmbed) and keeps the views that must never be framed.

export const VIEW_TITLES = {
  overview: 'Overview',
  map: 'Coverage map',
  progress: 'Progress',
  gaps: 'Gap finder',
  area: 'Area profile',
  registry: 'Registry',
  changes: 'Changes',
  sources: 'Data & sources',
  admin: 'Admin',
} as const;

export type ViewName = keyof typeof VIEW_TITLES;

export const VIEWS = Object.keys(VIEW_TITLES) as ViewName[];

/** The default view of a URL without ?view=. */
export const DEFAULT_VIEW: ViewName = 'overview';

/** Views no other site may frame, even with ?embed=1: they act on the data (the admin token is typed there). */
export const NEVER_FRAMED: readonly ViewName[] = ['admin'];

/** The view a ?view= value names (the default for none or an unknown one). */
export function viewNamed(value: string | null | undefined): ViewName {
  // Own keys only: `in` would take `constructor` and `__proto__` from the prototype for views.
  return typeof value === 'string' && Object.hasOwn(VIEW_TITLES, value) ? (value as ViewName) : DEFAULT_VIEW;
}

/** A view's full title, as an embed or a shared link names it: 'Coverage map: Teaching schools, London, as at 12 March 2018'. */
export function viewTitle(
  view: ViewName,
  scope: { network: string; region?: string | null; asAt?: string | null },
): string {
  const parts = [scope.network, scope.region, scope.asAt ? `as at ${formatDate(scope.asAt)}` : null];
  return `${VIEW_TITLES[view]}: ${parts.filter(Boolean).join(', ')}`;
}
