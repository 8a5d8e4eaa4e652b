// The page around every view: the project's own header (not GOV.UK's) with the search box, the navigation,
// notices, the shared controls, "Share or embed", and the footer with the OGL attribution. Built once; update()
// marks the current view. An embed (?embed=1) gets the view, its source and the licence only (layout/embed.ts).
import { VIEW_TITLES } from '../../common/views.js';
import { api } from './api.js';
import { h } from './dom.js';
import { announcer } from './focus.js';
import { describeVersion } from './format.js';
import { embedLayout } from './layout/embed.js';
import type { Layout } from './layout/layout-type.js';
import { footer } from './layout/footer.js';
import { navigation } from './layout/navigation.js';
import { printFooter } from './layout/print-footer.js';
import { shareControl } from './layout/share.js';
import { OGL_ATTRIBUTION } from './licence.js';
import { hitKind, hitTarget } from './search/describe.js';
import { searchBox } from './search/search-box.js';
import type { Navigator } from './state.js';

export { VIEW_TITLES };

export const SERVICE_NAME = 'Teaching school networks';

export type { Layout };

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

export function createLayout(nav: Navigator, embed: boolean): Layout {
  if (embed) return embedLayout();
  const notices = h('div', { 'data-testid': 'notices' });
  const controls = h('div', { class: 'app-page-controls' });
  const share = shareControl();
  const printed = printFooter();
  let dataVersionShown: string | null = null;
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
    announcer(),
    printed.element,
  );
  return {
    root,
    notices,
    controls,
    main,
    setTitle(title) {
      share.setTitle(title);
      printed.set(title, dataVersionShown);
    },
    start: menu.start,
    update(state, dataVersion) {
      dataVersionShown = dataVersion;
      shownDate = state.asAt;
      menu.update(state);
      end.version.textContent = dataVersion ? `Data version: ${describeVersion(dataVersion)}.` : '';
      document.title = `${VIEW_TITLES[state.view]}: ${SERVICE_NAME}`;
    },
  };
}
