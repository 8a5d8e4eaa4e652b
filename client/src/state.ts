// View state <-> URL. Everything a view shows is decided by this state, and the state lives in the query string,
// so a copied link reopens the same view (pinned to its date and data version) and Back/Forward work.

import { isFramable, VIEWS, type ViewName } from '../../common/views.js';

export { VIEWS, type ViewName };

import { NETWORKS, type NetworkId } from '../../common/networks.js';
export { NETWORKS, type NetworkId };
import { utcDay } from '../../common/dates.js';
import { versionDay } from '../../common/data-version.js';

export const METRICS = ['members', 'members_per_100_schools', 'schools_beyond_km', 'covered'] as const;
export type Metric = (typeof METRICS)[number];

export interface ViewState {
  view: ViewName;
  network: NetworkId;
  /** YYYY-MM-DD, or null for the latest snapshot. */
  asAt: string | null;
  /** Region code or name, or null for England. */
  region: string | null;
  metric: Metric;
  /** Selected council area (la_code). */
  area: string | null;
  /** Council areas listed together in the reach list (la_codes, comma-separated in the URL); [] for none. */
  areas: string[];
  /** Sub-tab within a view (e.g. registry: members | groups). */
  tab: string | null;
  phase: string | null;
  q: string | null;
  /** 1-based page of a paginated list. */
  page: number;
  /** Column a table is sorted by; a leading '-' sorts descending. */
  sort: string | null;
  from: string | null;
  to: string | null;
  /** Distance in km for "schools beyond" (1-50); null: the default, 15. */
  radius: number | null;
  /** The map's centre and zoom, 'lat,lon,zoom', once the reader has moved it; null: fitted to what is shown. */
  at: string | null;
  /** A member (its key) to show on the map, e.g. one chosen in the search. */
  member: string | null;
  embed: boolean;
  /** Data version the link was made with; the page says so when the data has changed since. */
  version: string | null;
}

export const DEFAULT_STATE: ViewState = {
  view: 'overview',
  network: 'teaching-schools',
  asAt: null,
  region: null,
  metric: 'members',
  area: null,
  areas: [],
  tab: null,
  phase: null,
  q: null,
  page: 1,
  sort: null,
  from: null,
  to: null,
  radius: null,
  at: null,
  member: null,
  embed: false,
  version: null,
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const AT_RE = /^-?\d{1,2}(\.\d{1,5})?,-?\d{1,3}(\.\d{1,5})?,\d{1,2}(\.\d{1,2})?$/;

/** The radius for "schools beyond" by default, as the API takes it. */
export const DEFAULT_RADIUS_KM = 15;

/** A radius in km from the URL: a number from 1 to 50 (to one decimal), else null (the default). */
export function radiusOf(raw: string | null): number | null {
  if (raw === null || !/^\d{1,2}(\.\d)?$/.test(raw)) return null;
  const km = Number(raw);
  return km >= 1 && km <= 50 ? km : null;
}
const LA_CODE_RE = /^\d{3}$/;
/** The last page a link may name: far past any list's end (a few thousand rows, 50 a page), which the API refuses. */
const MAX_PAGE = 10_000;

function oneOf<T extends string>(values: readonly T[], raw: string | null, fallback: T): T {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

function text(raw: string | null, max = 200): string | null {
  if (raw === null) return null;
  const trimmed = raw.trim();
  return trimmed === '' ? null : trimmed.slice(0, max);
}

/** A real calendar date: a hand-edited 2019-02-30 or 0000-00-00 would be shown as such and asked for in vain. */
function date(raw: string | null): string | null {
  return raw !== null && DATE_RE.test(raw) && utcDay(raw) !== null ? raw : null;
}

/** A data version's name ('21.20261207190155': import 21 and when it committed), or '0' (nothing imported). */
function version(raw: string | null): string | null {
  return raw === '0' || versionDay(raw) !== null ? raw : null;
}

/** Reads a query string into a state; unknown or malformed values fall back to the defaults. */
export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const page = Number(p.get('page'));
  const area = p.get('area');
  const view = oneOf(VIEWS, p.get('view'), DEFAULT_STATE.view);
  return {
    view,
    network: oneOf(NETWORKS, p.get('network'), DEFAULT_STATE.network),
    asAt: date(p.get('as_at')),
    region: text(p.get('region'), 100),
    metric: oneOf(METRICS, p.get('metric'), DEFAULT_STATE.metric),
    area: area !== null && LA_CODE_RE.test(area) ? area : null,
    areas: [...new Set((p.get('areas') ?? '').split(',').filter((c) => LA_CODE_RE.test(c)))].slice(0, 160),
    tab: text(p.get('tab'), 40),
    phase: text(p.get('phase'), 60),
    q: text(p.get('q')),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    sort: text(p.get('sort'), 60),
    from: date(p.get('from')),
    to: date(p.get('to')),
    radius: radiusOf(p.get('radius_km')),
    at: AT_RE.test(p.get('at') ?? '') ? p.get('at') : null,
    member: text(p.get('member'), 40),
    // Only a view made for a frame is drawn as one: no site may frame the others, so such a link is opened on its
    // own, where an embed's page (no navigation, every link to a new tab) would strand its reader.
    embed: p.get('embed') === '1' && isFramable(view),
    // Only a version's name: the page quotes the link's version when the server no longer keeps it, and must not
    // quote whatever text a link carries there as if the dashboard said it.
    version: version(p.get('v')),
  };
}

/** Writes a state as a query string (with '?'), leaving out defaults so links stay short and stable. */
export function serialiseState(state: ViewState): string {
  const p = new URLSearchParams();
  const put = (name: string, value: string | null, fallback: string | null = null): void => {
    if (value !== null && value !== fallback) p.set(name, value);
  };
  put('view', state.view, DEFAULT_STATE.view);
  put('network', state.network, DEFAULT_STATE.network);
  put('as_at', state.asAt);
  put('region', state.region);
  put('metric', state.metric, DEFAULT_STATE.metric);
  put('area', state.area);
  put('areas', state.areas.length > 0 ? state.areas.join(',') : null);
  put('tab', state.tab);
  put('phase', state.phase);
  put('q', state.q);
  put('page', state.page === 1 ? null : String(state.page));
  put('sort', state.sort);
  put('from', state.from);
  put('to', state.to);
  put('radius_km', state.radius === null ? null : String(state.radius));
  put('at', state.at);
  put('member', state.member);
  put('embed', state.embed ? '1' : null);
  put('v', state.version);
  const query = p.toString();
  return query === '' ? '?' : `?${query}`;
}

/** A change to the state. Changing what is listed (network, date, filters) goes back to the first page. */
export function withPatch(state: ViewState, patch: Partial<ViewState>): ViewState {
  const next = { ...state, ...patch };
  const listChanged = (
    ['network', 'asAt', 'region', 'phase', 'q', 'tab', 'view', 'radius', 'area', 'areas'] as const
  ).some((key) => key in patch && patch[key] !== state[key]);
  if (listChanged && !('page' in patch)) next.page = 1;
  return next;
}

export interface Navigator {
  readonly state: ViewState;
  /** A link target for the state with this change (for real <a href> links); in an embed, on the dashboard. */
  href(patch: Partial<ViewState>): string;
  /**
   * Moves to a new state: a new history entry unless replace is set. quiet changes the URL (and the state links
   * are made from) without showing the view again. In an embed a move (neither replace nor quiet) opens the new
   * state on the dashboard in a new tab instead: an embed never navigates inside its frame.
   */
  go(patch: Partial<ViewState>, options?: { replace?: boolean; quiet?: boolean }): void;
}

/** Opens an address in a new tab, as an embed opens whatever a reader follows from it. */
export function openInNewTab(url: string): void {
  window.open(url, '_blank', 'noopener');
}

/**
 * Binds the state to window.location and history. onChange runs for every new state, including Back/Forward.
 */
export function createNavigator(onChange: (state: ViewState) => void): Navigator & { start(): void } {
  let current = parseState(window.location.search);
  const urlOf = (state: ViewState): string => `${window.location.pathname}${serialiseState(state)}`;
  const nav = {
    get state() {
      return current;
    },
    href(patch: Partial<ViewState>) {
      const next = withPatch(current, patch);
      return urlOf(current.embed ? { ...next, embed: false } : next);
    },
    go(patch: Partial<ViewState>, options: { replace?: boolean; quiet?: boolean } = {}) {
      if (current.embed && !options.replace && !options.quiet) {
        openInNewTab(nav.href(patch));
        return;
      }
      const next = withPatch(current, patch);
      const url = urlOf(next);
      const same = url === `${window.location.pathname}${window.location.search || '?'}`;
      current = next;
      if (options.replace || options.quiet || same) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      if (!options.quiet) onChange(current);
    },
    start() {
      window.addEventListener('popstate', () => {
        const next = parseState(window.location.search);
        // A '#' link within the page (a skip link) is a history entry too, with the same state: nothing to show.
        if (serialiseState(next) === serialiseState(current)) return;
        current = next;
        onChange(current);
      });
      onChange(current);
    },
  };
  return nav;
}
