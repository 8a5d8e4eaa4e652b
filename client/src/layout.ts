// The page around every view: the project's own header (not GOV.UK's), the navigation, notices, and the footer
// with the OGL attribution. Built once; update() marks the current view.
import { VIEW_TITLES } from '../../common/views.js';
import { h } from './dom.js';
import { OGL_ATTRIBUTION, OGL_LICENCE } from './licence.js';
import { describeVersion } from './format.js';
import type { Navigator, ViewName, ViewState } from './state.js';

export { VIEW_TITLES };

const NAV: ViewName[] = ['overview', 'map', 'progress', 'gaps', 'registry', 'changes', 'sources', 'admin'];

export const SERVICE_NAME = 'Teaching school networks';

export interface Layout {
  root: HTMLElement;
  notices: HTMLElement;
  controls: HTMLElement;
  main: HTMLElement;
  update(state: ViewState, dataVersion: string | null): void;
}

export function attribution(testid = 'ogl-attribution'): HTMLElement {
  return h('p', { class: 'govuk-body-s app-attribution', 'data-testid': testid }, OGL_ATTRIBUTION.join(' '));
}

export function createLayout(nav: Navigator, embed: boolean): Layout {
  const notices = h('div', { 'data-testid': 'notices' });
  const controls = h('div', { class: 'app-page-controls' });
  // The view's content; the <main> landmark also holds the notices and the shared controls.
  const main = h('div', { 'data-testid': 'view' });
  if (embed) {
    const root = h(
      'div',
      { class: 'app-embed' },
      h('main', { id: 'main' }, notices, main),
      h('footer', {}, attribution()),
    );
    return { root, notices, controls, main, update: () => undefined };
  }

  const links = new Map<ViewName, HTMLLIElement>();
  const list = h('ul', { class: 'govuk-service-navigation__list', id: 'navigation' });
  for (const view of NAV) {
    const a = h(
      'a',
      { class: 'govuk-service-navigation__link', href: '?', 'data-testid': `nav-${view}` },
      VIEW_TITLES[view],
    );
    a.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      nav.go({ view, tab: null, sort: null, page: 1 });
    });
    const li = h('li', { class: 'govuk-service-navigation__item' }, a);
    links.set(view, li);
    list.append(li);
  }

  const version = h('span', { 'data-testid': 'data-version' });
  const footer = h(
    'footer',
    { class: 'govuk-footer' },
    h(
      'div',
      { class: 'govuk-width-container' },
      h(
        'div',
        { class: 'govuk-footer__meta' },
        h(
          'div',
          { class: 'govuk-footer__meta-item govuk-footer__meta-item--grow' },
          h('h2', { class: 'govuk-visually-hidden' }, 'About the data'),
          h(
            'ul',
            { class: 'govuk-footer__inline-list' },
            h(
              'li',
              { class: 'govuk-footer__inline-list-item' },
              h('a', { class: 'govuk-footer__link', href: '?view=sources' }, 'Data & sources'),
            ),
            h(
              'li',
              { class: 'govuk-footer__inline-list-item' },
              h('a', { class: 'govuk-footer__link', href: '/api/docs' }, 'API documentation'),
            ),
            h(
              'li',
              { class: 'govuk-footer__inline-list-item' },
              h(
                'a',
                {
                  class: 'govuk-footer__link',
                  href: OGL_LICENCE.url,
                  rel: 'license',
                },
                OGL_LICENCE.name,
              ),
            ),
          ),
          h(
            'p',
            { class: 'govuk-footer__licence-description', 'data-testid': 'ogl-attribution' },
            OGL_ATTRIBUTION.join(' '),
          ),
          h(
            'p',
            { class: 'govuk-footer__licence-description' },
            'An independent analysis of published data. This is not a GOV.UK service. ',
            version,
          ),
        ),
      ),
    ),
  );

  const root = h(
    'div',
    {},
    h(
      'a',
      { class: 'govuk-skip-link', href: '#main', 'data-module': 'govuk-skip-link' },
      'Skip to main content',
    ),
    h(
      'header',
      { class: 'govuk-generic-header app-header' },
      h(
        'div',
        { class: 'govuk-generic-header__container govuk-width-container' },
        h(
          'div',
          { class: 'govuk-generic-header__logo' },
          h('a', { class: 'govuk-generic-header__homepage-link', href: '?' }, SERVICE_NAME),
        ),
        h(
          'p',
          { class: 'app-header__tagline' },
          "Registry and coverage of England's teaching schools and other school-led networks, 2011 to 2021",
        ),
      ),
    ),
    h(
      'div',
      { class: 'govuk-service-navigation' },
      h(
        'div',
        { class: 'govuk-width-container' },
        h(
          'div',
          { class: 'govuk-service-navigation__container' },
          h('nav', { 'aria-label': 'Views', class: 'govuk-service-navigation__wrapper' }, list),
        ),
      ),
    ),
    h(
      'div',
      { class: 'govuk-width-container' },
      h('main', { class: 'govuk-main-wrapper', id: 'main', tabindex: -1 }, notices, controls, main),
    ),
    footer,
  );

  return {
    root,
    notices,
    controls,
    main,
    update(state, dataVersion) {
      const current: ViewName = state.view === 'area' ? 'map' : state.view;
      for (const [view, li] of links) {
        const a = li.querySelector('a')!;
        a.href = nav.href({ view, tab: null, sort: null, page: 1 });
        const active = view === current;
        li.classList.toggle('govuk-service-navigation__item--active', active);
        if (active) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      version.textContent = dataVersion ? `Data version: ${describeVersion(dataVersion)}.` : '';
      document.title = `${VIEW_TITLES[state.view]}: ${SERVICE_NAME}`;
    },
  };
}
