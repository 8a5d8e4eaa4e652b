// The footer of every page but an embed: links to the sources and the API, the licence and its attribution, and
// the data version the figures come from.
import { h } from '../dom.js';
import { OGL_ATTRIBUTION, OGL_LICENCE } from '../licence.js';

function item(href: string, text: string, rel?: string): HTMLElement {
  return h(
    'li',
    { class: 'govuk-footer__inline-list-item' },
    h('a', { class: 'govuk-footer__link', href, rel }, text),
  );
}

/** The footer, and the element that says the data version (filled in as the page learns it). */
export function footer(): { element: HTMLElement; version: HTMLElement } {
  const version = h('span', { 'data-testid': 'data-version' });
  const element = h(
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
            item('?view=sources', 'Data & sources'),
            item('/api/docs', 'API documentation'),
            item(OGL_LICENCE.url, OGL_LICENCE.name, 'license'),
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
  return { element, version };
}
