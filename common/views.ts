// The dashboard's views: their names in the URL (?view=) and their titles. The dashboard shows them; the server
import { formatDate } from './dates.js';
// names an embedded view with them (oEmbed) and frames only the views made for a frame.

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

/**
 * The views another site may frame (?embed=1), oEmbed names and the Share control offers to embed: those drawn for
 * a frame, one figure that fits a 320 px column. The others are pages of tables and controls (thousands of px tall
 * at 320 px), and Admin acts on the data (its token is typed there): they are shared by link only. The framing
 * header (server/api/setup/security.ts), the oEmbed link and endpoint and the Share control all ask this one list.
 */
export const FRAMABLE_VIEWS: readonly ViewName[] = ['overview', 'map', 'progress'];

/** Whether another site may frame this view. */
export function isFramable(view: ViewName): boolean {
  return FRAMABLE_VIEWS.includes(view);
}

/** The views a region (?region=) narrows; the others show England, or one area, whatever the link says. */
const REGIONAL_VIEWS: readonly ViewName[] = ['map', 'gaps', 'registry'];

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
  // A region kept in the URL from another view (the navigation keeps it) is named only where it narrows the figures.
  const region = REGIONAL_VIEWS.includes(view) ? scope.region : null;
  const parts = [scope.network, region, scope.asAt ? `as at ${formatDate(scope.asAt)}` : null];
  return `${VIEW_TITLES[view]}: ${parts.filter(Boolean).join(', ')}`;
}
