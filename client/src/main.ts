// The dashboard's entry: builds the page, pins the link to its date and data version, and renders the view the URL
// names. Every state change (a control, a link, Back/Forward) goes through render().
import './styles/main.scss';
import { viewTitle } from '../../common/views.js';
import { newerDataNote } from '../../common/data-version.js';
import { api, forgetAnswers, pinnedDataVersion, pinVersion, type Network, type Progress } from './api.js';
import type { AppMeta, View, ViewContext } from './context.js';
import { dateControl, dateOptions, latestDate, networkSwitcher } from './controls.js';
import { h } from './dom.js';
import { today } from '../../common/dates.js';
import { restoreFocus } from './focus.js';
import { describeVersion, formatDate } from './format.js';
import { createLayout } from './layout.js';
import { errorPanel, loading, notificationBanner } from './messages.js';
import { overviewAnswers } from './views/overview/answers.js';
import { createNavigator, parseState, serialiseState, type ViewName, type ViewState } from './state.js';

const VIEWS: Record<ViewName, () => Promise<{ view: View }>> = {
  overview: () => import('./views/overview.js'),
  map: () => import('./views/map.js'),
  progress: () => import('./views/progress.js'),
  gaps: () => import('./views/gaps.js'),
  area: () => import('./views/area.js'),
  registry: () => import('./views/registry.js'),
  changes: () => import('./views/changes.js'),
  sources: () => import('./views/sources.js'),
  admin: () => import('./views/admin.js'),
};

/**
 * The answers a view shows, asked as soon as the network and the date are known, beside the view's code: the view
 * asks them again and gets the answers kept for the page. Only the overview so far, the page most links open.
 */
const ANSWERS: Partial<Record<ViewName, (ctx: ViewContext) => Promise<unknown>>> = {
  overview: overviewAnswers,
};

/** Views that show figures for a network on a date, and so carry the network switcher and the date control. */
const DATED_VIEWS = new Set<ViewName>(['overview', 'map', 'progress', 'gaps', 'area', 'registry']);

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
const app = document.getElementById('app')!;
const firstState = parseState(window.location.search);

async function networksOnPinned(): Promise<Network[]> {
  const networks = await api.networks();
  if (networks.rows.length === 0) throw new Error('the server lists no networks');
  return networks.rows;
}

/**
 * Views that draw council areas: on a slow phone their boundaries (the largest answer) are asked for as soon as
 * the data version is known, beside the networks and the view's own code, not after them (Leaflet at start).
 */
const MAPPED = new Set<ViewName>(['map', 'gaps', 'area']);
let prefetched = false;
function prefetchFor(state: ViewState): void {
  if (prefetched || !MAPPED.has(state.view)) return;
  prefetched = true;
  // Asked here, not by the boundaries module: that waits its turn among the view's chunks. The answer is kept.
  void api.boundaries('council-areas').catch(() => undefined);
}

/**
 * The networks, read on the version the page is pinned to: a shared link's own (`wanted`) while the server keeps
 * it, so that a published link shows the figures it showed; else the current one (asked of the server itself
 * after the page's own import, `afterWrite`).
 */
async function loadMeta(wanted: string | null, afterWrite = false): Promise<AppMeta> {
  // The networks on the current version are asked beside the version, not after it (kept for the page if it
  // pins to that version: nearly always).
  const early = afterWrite ? null : api.networksNow().catch(() => null);
  const current = (await api.version(afterWrite)).v;
  const currentVersion = current === '0' ? null : current;
  // A link's own version, while the server keeps it (asked only of links to an older one), and the one after it
  // (versions are listed oldest first, and db:prune removes only the oldest, so the next is listed).
  const rows = wanted !== null && wanted !== current ? (await api.versions()).rows : [];
  const at = rows.findIndex((r) => r.v === wanted);
  await early;
  pinVersion(at >= 0 ? wanted : current);
  if (!afterWrite) prefetchFor(firstState);
  const replacedBy = at >= 0 ? (rows[at + 1]?.v ?? null) : null;
  return { networks: await networksOnPinned(), dataVersion: pinnedDataVersion(), currentVersion, replacedBy };
}

let metaPromise = loadMeta(firstState.version);
// The first view's code is asked for now, beside the data version and the networks, not after them: on a slow
// phone that is a round trip and 20-60 KB sooner.
void VIEWS[firstState.view]().catch(() => undefined);
if (MAPPED.has(firstState.view) && firstState.view !== 'gaps')
  void import('./map/leaflet-map.js').catch(() => undefined);
let renders = 0;
let controller = new AbortController();
let cleanup: (() => void) | undefined;
let previous: ViewState | null = null;
let linkVersion = firstState.version;
let shown = false;

const nav = createNavigator((state) => void render(state));
const layout = createLayout(nav, firstState.embed);
if (firstState.embed) document.documentElement.classList.add('app-embedded');
app.replaceChildren(layout.root);
layout.start();

/** After the page's own import (the admin view's commit): the page moves to the new version. */
async function dataChanged(): Promise<void> {
  forgetAnswers();
  metaPromise = loadMeta(null, true);
  const meta = await metaPromise;
  nav.go({ version: meta.dataVersion }, { quiet: true });
  layout.update(nav.state, meta.dataVersion);
}

function progressOrNull(network: Network): Promise<Progress | null> {
  return api.progress(network.id).catch(() => null);
}

/**
 * What the page says about its data version: that newer data exists (a link to the same view on it) when it shows
 * an older version; that the link's version is no longer kept when it could not show it (once, for the first view).
 */
function versionNotices(state: ViewState, meta: AppMeta): void {
  layout.notices.replaceChildren();
  const { dataVersion, currentVersion, replacedBy } = meta;
  if (dataVersion !== null && currentVersion !== null && dataVersion !== currentVersion) {
    // The words of the API's provenance: the version that replaced this one (the link goes to the latest).
    const note = `${newerDataNote(dataVersion, replacedBy ?? currentVersion)}.`;
    const latest = h(
      'a',
      {
        class: 'govuk-link',
        href: serialiseState({ ...state, version: currentVersion }),
        'data-testid': 'newer-data-link',
      },
      'Show this view with the newer data',
    );
    // An embed (600 by 450 in an article) says it in one line; the dashboard in a banner.
    if (state.embed) {
      layout.notices.append(
        h('p', { class: 'govuk-body-s', role: 'note', 'data-testid': 'newer-data' }, `${note} `, latest),
      );
    } else {
      const banner = notificationBanner('Newer data is available', note, 'newer-data');
      banner
        .querySelector('.govuk-notification-banner__content')!
        .append(h('p', { class: 'govuk-body' }, latest));
      layout.notices.append(banner);
    }
  } else if (linkVersion !== null && linkVersion !== dataVersion) {
    layout.notices.append(
      notificationBanner(
        'The data has changed since this link was made',
        `The link was made with data version ${describeVersion(linkVersion)}, which this server no longer keeps; ` +
          `the figures below use ${describeVersion(dataVersion)}, as at ${formatDate(state.asAt)}. They may ` +
          'differ from what was shared.',
        'stale-link',
      ),
    );
  }
  linkVersion = null;
}

/** The network switcher and the date control above a dated view. */
async function pageControls(state: ViewState, meta: AppMeta, network: Network): Promise<HTMLElement | null> {
  if (!DATED_VIEWS.has(state.view) || state.embed) return null;
  const progress = await progressOrNull(network);
  const keepDate = (other: Network): string | null =>
    dateOptions(other, null, null).some((o) => o.value === state.asAt) ? state.asAt : null;
  return h(
    'div',
    { class: 'app-controls', 'data-testid': 'controls' },
    networkSwitcher(nav, meta.networks, network.id, keepDate),
    dateControl(nav, dateOptions(network, progress, state.asAt), state.asAt!),
  );
}

/** Shows the view of a state; false when a newer render has started meanwhile. */
async function showView(ctx: ViewContext, token: number): Promise<boolean> {
  try {
    // A failure shows when the view asks again.
    void ANSWERS[ctx.state.view]?.(ctx).catch(() => undefined);
    const { view } = await VIEWS[ctx.state.view]();
    const rendered = await view(ctx);
    if (token !== renders) return false;
    layout.main.replaceChildren(rendered.node);
    cleanup = rendered.mount?.() ?? undefined;
  } catch (error) {
    if (token !== renders) return false;
    layout.main.replaceChildren(errorPanel(error));
  }
  return true;
}

/** Focus after a render: back on the control that asked for it (a sort button), or the new view's heading. */
function placeFocus(state: ViewState, viewChanged: boolean): void {
  if (restoreFocus(layout.root)) return;
  const wasShown = shown;
  shown = true;
  if (viewChanged && wasShown && !state.embed) {
    const heading = layout.main.querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
}

function ctxFor(state: ViewState, meta: AppMeta, network: Network): ViewContext {
  return { state, nav, meta, network, asAt: state.asAt!, signal: controller.signal, dataChanged };
}

async function render(state: ViewState): Promise<void> {
  const token = ++renders;
  // Set before any await, so that a test (or a screen reader, via aria-busy) can tell a view is on its way.
  app.dataset.status = 'loading';
  controller.abort();
  controller = new AbortController();
  cleanup?.();
  cleanup = undefined;
  let meta: AppMeta;
  try {
    meta = await metaPromise;
  } catch (error) {
    layout.main.replaceChildren(errorPanel(error, 'the dashboard'));
    app.dataset.status = 'ready';
    return;
  }
  const network = meta.networks.find((n) => n.id === state.network) ?? meta.networks[0]!;
  // Pin the link: an explicit date and the data version, so a copied URL reopens exactly this view.
  if (state.asAt === null || state.version !== meta.dataVersion || network.id !== state.network) {
    // Progress (a round trip) only for a network without member lists, whose dates are its published figures.
    const asAt =
      state.asAt ??
      latestDate(network, null) ??
      latestDate(network, await progressOrNull(network)) ??
      today();
    // The same list, dated (a link without a date names the latest): the link's page of it too.
    const page = network.id === state.network ? state.page : 1;
    if (token === renders)
      nav.go({ network: network.id, asAt, version: meta.dataVersion, page }, { replace: true });
    return;
  }
  layout.update(state, meta.dataVersion);
  versionNotices(state, meta);
  // The controls (which wait for progress) and the view are made side by side: the view's answers need not wait.
  const controls = pageControls(state, meta, network).then((node) => {
    if (token === renders) layout.controls.replaceChildren(...(node ? [node] : []));
  });
  const viewChanged = previous === null || previous.view !== state.view || previous.area !== state.area;
  previous = state;
  layout.setTitle(viewTitle(state.view, { network: network.name, region: state.region, asAt: state.asAt }));
  layout.main.setAttribute('aria-busy', 'true');
  if (viewChanged) layout.main.replaceChildren(loading('the figures'));
  const [, current] = await Promise.all([controls, showView(ctxFor(state, meta, network), token)]);
  if (!current || token !== renders) return;
  layout.main.removeAttribute('aria-busy');
  app.dataset.status = 'ready';
  placeFocus(state, viewChanged);
}

nav.start();
