// The dashboard's entry: builds the page, pins the link to its date and data version, and renders the view the URL
// names. Every state change (a control, a link, Back/Forward) goes through render().
import './styles/main.scss';
import {
  api,
  forgetAnswers,
  onVersionMoved,
  pinnedDataVersion,
  pinVersion,
  type Network,
  type Progress,
} from './api.js';
import type { AppMeta, View, ViewContext } from './context.js';
import { dateControl, dateOptions, latestDate, networkSwitcher } from './controls.js';
import { h } from './dom.js';
import { describeVersion, formatDate, isoDate } from './format.js';
import { createLayout } from './layout.js';
import { errorPanel, loading, notificationBanner } from './messages.js';
import { createNavigator, parseState, type ViewName, type ViewState } from './state.js';

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

/** Views that show figures for a network on a date, and so carry the network switcher and the date control. */
const DATED_VIEWS = new Set<ViewName>(['overview', 'map', 'progress', 'gaps', 'area', 'registry']);

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
const app = document.getElementById('app')!;
const firstState = parseState(window.location.search);

/**
 * The networks, read on the pinned version (pinned to the current one first, unless `repin` is false; asked of the
 * server itself after the page's own import, `afterWrite`).
 */
async function loadMeta(repin = true, afterWrite = false): Promise<AppMeta> {
  if (repin) pinVersion((await api.version(afterWrite)).v);
  const networks = await api.networks();
  if (networks.rows.length === 0) throw new Error('the server lists no networks');
  return { networks: networks.rows, dataVersion: pinnedDataVersion() };
}

let metaPromise = loadMeta();
let renders = 0;
let controller = new AbortController();
let cleanup: (() => void) | undefined;
let previous: ViewState | null = null;
let linkVersion = firstState.version;
let shown = false;

const nav = createNavigator((state) => void render(state));
const layout = createLayout(nav, firstState.embed);
app.replaceChildren(layout.root);

/** After an import: the page's own (the admin view's commit, `repin`), or one the server moved a read past. */
async function dataChanged(repin = true): Promise<void> {
  forgetAnswers();
  metaPromise = loadMeta(repin, repin);
  const meta = await metaPromise;
  nav.go({ version: meta.dataVersion }, { quiet: true });
  layout.update(nav.state, meta.dataVersion);
}

// The data changed under the page (an import elsewhere): show the view again on the new version, saying so. The
// version is the one the server moved a read to (the version answer itself may be a few seconds old in a cache).
onVersionMoved(() => {
  void metaPromise.then(
    async (meta) => {
      if (meta.dataVersion === pinnedDataVersion()) return; // read on the new version already
      linkVersion = meta.dataVersion;
      await dataChanged(false).catch(() => undefined); // render() shows what failed
      await render(nav.state);
    },
    () => undefined,
  );
});

function progressOrNull(network: Network): Promise<Progress | null> {
  return api.progress(network.id).catch(() => null);
}

async function render(state: ViewState): Promise<void> {
  renders += 1;
  const token = renders;
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
    const asAt = state.asAt ?? latestDate(network, await progressOrNull(network)) ?? isoDate(new Date());
    if (token !== renders) return;
    nav.go({ network: network.id, asAt, version: meta.dataVersion }, { replace: true });
    return;
  }

  layout.update(state, meta.dataVersion);
  layout.notices.replaceChildren();
  if (linkVersion !== null && linkVersion !== meta.dataVersion) {
    layout.notices.append(
      notificationBanner(
        'The data has changed since this link was made',
        `The link was made with data version ${describeVersion(linkVersion)}; the figures below use ` +
          `${describeVersion(meta.dataVersion)}, ` +
          `as at ${formatDate(state.asAt)}. They may differ from what was shared.`,
        'stale-link',
      ),
    );
  }
  linkVersion = null;

  const progress = DATED_VIEWS.has(state.view) && !state.embed ? await progressOrNull(network) : null;
  if (token !== renders) return;
  if (DATED_VIEWS.has(state.view) && !state.embed) {
    const keepDate = (other: Network): string | null =>
      dateOptions(other, null, null).some((o) => o.value === state.asAt) ? state.asAt : null;
    layout.controls.replaceChildren(
      h(
        'div',
        { class: 'app-controls', 'data-testid': 'controls' },
        networkSwitcher(nav, meta.networks, network.id, keepDate),
        dateControl(nav, dateOptions(network, progress, state.asAt), state.asAt),
      ),
    );
  } else {
    layout.controls.replaceChildren();
  }

  const viewChanged = previous === null || previous.view !== state.view || previous.area !== state.area;
  previous = state;
  const ctx: ViewContext = {
    state,
    nav,
    meta,
    network,
    asAt: state.asAt,
    signal: controller.signal,
    dataChanged,
  };
  layout.main.setAttribute('aria-busy', 'true');
  if (viewChanged) layout.main.replaceChildren(loading('the figures'));
  try {
    const { view } = await VIEWS[state.view]();
    const rendered = await view(ctx);
    if (token !== renders) return;
    layout.main.replaceChildren(rendered.node);
    cleanup = rendered.mount?.() ?? undefined;
  } catch (error) {
    if (token !== renders) return;
    layout.main.replaceChildren(errorPanel(error));
  }
  layout.main.removeAttribute('aria-busy');
  app.dataset.status = 'ready';
  const wasShown = shown;
  shown = true;
  if (viewChanged && wasShown && !state.embed) {
    // Move focus to the new view's heading so screen-reader and keyboard users land on it.
    const heading = layout.main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
}

nav.start();
