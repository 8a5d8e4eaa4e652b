// The page of an embed (?embed=1): the view alone, then its source and data date, a link to the same view on the
// dashboard (in a new tab: never inside the frame) and the licence. Its height follows its width, and it tells the
// page framing it how tall it is (common/embed-snippet.ts sizes the frame from that).
import { EMBED_HEIGHT_MESSAGE } from '../../../common/embed-snippet.js';
import { h } from '../dom.js';
import { announcer } from '../focus.js';
import { DATA_SOURCES_SHORT, OGL_ATTRIBUTION_SHORT } from '../licence.js';
import { openInNewTab } from '../state.js';
import type { Layout } from './layout-type.js';
import { dataDateWords } from './print-footer.js';

/** The dashboard's address of the view an embed shows: the same link without embed=1. */
export function dashboardHref(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.href;
}

/**
 * A link followed in an embed opens in a new tab, never inside the frame; a page of the dashboard opens there
 * without embed=1. Links made by context.ts link() and moves by nav.go are the navigator's (state.ts); this one
 * handler takes every other link (the newer-data line, a view's plain links), whatever view drew it.
 */
function linksOpenOutside(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const a = (event.target as Element | null)?.closest('a[href]');
    if (!(a instanceof HTMLAnchorElement) || a.target === '_blank') return;
    const url = new URL(a.href);
    const here = new URL(window.location.href);
    // A link within the page (a skip link) stays.
    if (
      url.hash !== '' &&
      url.origin + url.pathname + url.search === here.origin + here.pathname + here.search
    )
      return;
    event.preventDefault();
    openInNewTab(url.origin === here.origin ? dashboardHref(url.href) : url.href);
  });
}

/** Tells the framing page the embed's height whenever it changes (nothing when not framed). */
function reportHeight(root: HTMLElement): void {
  if (window.parent === window || typeof ResizeObserver === 'undefined') return;
  let sent = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === sent || height === 0) return;
    sent = height;
    window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height }, '*');
  }).observe(root);
}

export function embedLayout(): Layout {
  const notices = h('div', { 'data-testid': 'notices' });
  const main = h('div', { 'data-testid': 'view' });
  const source = h('span', { 'data-testid': 'embed-source' });
  const back = h(
    'a',
    { class: 'govuk-link', href: '?', target: '_blank', rel: 'noopener', 'data-testid': 'embed-link' },
    'Open on the dashboard',
    h('span', { class: 'govuk-visually-hidden' }, ' (opens in a new tab)'),
  );
  const root = h(
    'div',
    { class: 'app-embed' },
    h('main', { id: 'main', class: 'app-embed__main' }, notices, main),
    h(
      'footer',
      { class: 'app-embed__footer' },
      h('p', { class: 'app-embed__source' }, source, ' ', back),
      h('p', { class: 'app-attribution', 'data-testid': 'ogl-attribution' }, OGL_ATTRIBUTION_SHORT),
    ),
    announcer(),
  );
  const none = (): void => undefined;
  return {
    root,
    notices,
    controls: h('div', {}),
    main,
    setTitle: none,
    start() {
      linksOpenOutside(root);
      reportHeight(root);
    },
    update(_state, dataVersion) {
      source.textContent = `Source: ${DATA_SOURCES_SHORT}. ${dataDateWords(dataVersion)}.`;
      back.href = dashboardHref(window.location.href);
    },
  };
}
