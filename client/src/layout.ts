// The page around every view: the project's own header (not GOV.UK's) with the search box, the navigation,
// notices, the shared controls, "Share or embed", and the footer with the OGL attribution. Built once; update()
// marks the current view. An embed (?embed=1) gets the view and the attribution only.
import { VIEW_TITLES } from '../../common/views.js';
import { api } from './api.js';
import { h } from './dom.js';
import { describeVersion } from './format.js';
import { footer } from './layout/footer.js';
import { navigation } from './layout/navigation.js';
import { shareControl } from './layout/share.js';
import { OGL_ATTRIBUTION } from './licence.js';
import { hitKind, hitTarget } from './search/describe.js';
import { searchBox } from './search/search-box.js';
import type { Navigator, ViewState } from './state.js';

export { VIEW_TITLES };

export const SERVICE_NAME = 'Teaching school networks';

export interface Layout {
  root: HTMLElement;
  notices: HTMLElement;
  controls: HTMLElement;
  main: HTMLElement;
  update(state: ViewState, dataVersion: string | null): void;
  /** Names the view as shown (network, region, date), for the embed code's title. */
  setTitle(title: string): void;
  /** Starts what needs the page in the document (the Menu button). */
  start(): void;
}

export function attribution(testid = 'ogl-attribution'): HTMLElement {
  return h('p', { class: 'govuk-body-s app-attribution', 'data-testid': testid }, OGL_ATTRIBUTION.join(' '));
}

// The date the dashboard shows, for the search box (kept by the layout's update).
let shownDate: string | null = null;

function header(nav: Navigator): HTMLElement {
  const search = searchBox({
    asAt: () => shownDate,
    describe: async (hit) => hitKind(hit, (await api.networks()).rows),
    onChoose: (hit) => nav.go(hitTarget(hit)),
  });
  return h(
    'header',
    { class: 'govuk-generic-header app-header' },
    h(
      'div',
      { class: 'govuk-generic-header__container govuk-width-container app-header__container' },
      h(
        'div',
        { class: 'app-header__title' },
        h(
          'div',
          { class: 'govuk-generic-header__logo' },
          h('a', { class: 'govuk-generic-header__homepage-link', href: '?' }, SERVICE_NAME),
        ),
        h(
          'p',
          { class: 'app-header__tagline govuk-!-display-none-print' },
          "Registry and coverage of England's teaching schools and other school-led networks, 2011 to 2021",
        ),
      ),
      search,
    ),
  );
}

function embedLayout(): Layout {
  const notices = h('div', { 'data-testid': 'notices' });
  const main = h('div', { 'data-testid': 'view' });
  const root = h(
    'div',
    { class: 'app-embed' },
    h('main', { id: 'main', class: 'app-embed__main' }, notices, main),
    h('footer', { class: 'app-embed__footer' }, attribution()),
  );
  const none = (): void => undefined;
  return { root, notices, controls: h('div', {}), main, update: none, setTitle: none, start: none };
}

export function createLayout(nav: Navigator, embed: boolean): Layout {
  if (embed) return embedLayout();
  const notices = h('div', { 'data-testid': 'notices' });
  const controls = h('div', { class: 'app-page-controls' });
  const share = shareControl();
  // The view's content; the <main> landmark also holds the notices and the shared controls.
  const main = h('div', { 'data-testid': 'view' });
  const menu = navigation(nav);
  const end = footer();
  const skip = h(
    'a',
    { class: 'govuk-skip-link', href: '#main', 'data-module': 'govuk-skip-link' },
    'Skip to main content',
  );
  const root = h(
    'div',
    {},
    skip,
    header(nav),
    menu.element,
    h(
      'div',
      { class: 'govuk-width-container' },
      h(
        'main',
        { class: 'govuk-main-wrapper', id: 'main', tabindex: -1 },
        notices,
        controls,
        main,
        share.element,
      ),
    ),
    end.element,
  );
  return {
    root,
    notices,
    controls,
    main,
    setTitle: share.setTitle,
    start: menu.start,
    update(state, dataVersion) {
      shownDate = state.asAt;
      menu.update(state);
      end.version.textContent = dataVersion ? `Data version: ${describeVersion(dataVersion)}.` : '';
      document.title = `${VIEW_TITLES[state.view]}: ${SERVICE_NAME}`;
    },
  };
}
