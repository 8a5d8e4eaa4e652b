// The service navigation: one link per view, the current one marked; below tablet width the list collapses
// behind a Menu button (GOV.UK Frontend's own ServiceNavigation behaviour).
import { ServiceNavigation } from 'govuk-frontend';
import { VIEW_TITLES, type ViewName } from '../../../common/views.js';
import { h } from '../dom.js';
import type { Navigator, ViewState } from '../state.js';

const NAV: ViewName[] = ['overview', 'map', 'progress', 'gaps', 'registry', 'changes', 'sources', 'admin'];

export interface Navigation {
  element: HTMLElement;
  /** Marks the current view and points every link at the state it opens. */
  update(state: ViewState): void;
  /** Starts the Menu button, once the navigation is in the page (GOV.UK Frontend finds its list by id). */
  start(): void;
}

function navLink(nav: Navigator, view: ViewName, close: () => void): HTMLAnchorElement {
  const a = h(
    'a',
    { class: 'govuk-service-navigation__link', href: '?', 'data-testid': `nav-${view}` },
    VIEW_TITLES[view],
  );
  a.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    close();
    nav.go({ view, tab: null, sort: null, page: 1, member: null, at: null });
  });
  return a;
}

export function navigation(nav: Navigator): Navigation {
  // On a phone the menu, opened to choose a view, closes with the choice (else it pushes the view a screen down).
  const close = (): void => {
    if (toggle.getAttribute('aria-expanded') === 'true') toggle.click();
  };
  const items = new Map(
    NAV.map((view) => [
      view,
      h('li', { class: 'govuk-service-navigation__item' }, navLink(nav, view, close)),
    ]),
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'govuk-service-navigation__toggle govuk-js-service-navigation-toggle',
      'aria-controls': 'navigation',
      'data-testid': 'menu-button',
      hidden: true,
    },
    'Menu',
  );
  const element = h(
    'div',
    { class: 'govuk-service-navigation', 'data-module': 'govuk-service-navigation' },
    h(
      'div',
      { class: 'govuk-width-container' },
      h(
        'div',
        { class: 'govuk-service-navigation__container' },
        h(
          'nav',
          { 'aria-label': 'Views', class: 'govuk-service-navigation__wrapper' },
          toggle,
          h('ul', { class: 'govuk-service-navigation__list', id: 'navigation' }, ...items.values()),
        ),
      ),
    ),
  );
  return {
    element,
    start: () => void new ServiceNavigation(element),
    update(state) {
      const current: ViewName = state.view === 'area' ? 'map' : state.view;
      for (const [view, li] of items) {
        const a = li.querySelector('a')!;
        a.href = nav.href({ view, tab: null, sort: null, page: 1, member: null, at: null });
        li.classList.toggle('govuk-service-navigation__item--active', view === current);
        if (view === current) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
  };
}
