// "Share or embed": the permalink of the view as it is now (its date, data version, filters and, on the map, its
// centre and zoom), and a ready <iframe> of its ?embed=1 page with width, height and title.
import { embedSnippet } from '../../../common/embed-snippet.js';
import { FRAMABLE_VIEWS, isFramable, VIEW_TITLES } from '../../../common/views.js';
import { h, uid } from '../dom.js';
import { parseState, serialiseState } from '../state.js';

/** The page's address with ?embed=1. */
export function embedUrl(href: string): string {
  const url = new URL(href);
  const state = { ...parseState(url.search), embed: true };
  return `${url.origin}${url.pathname}${serialiseState(state)}`;
}

/** The <iframe> snippet of a page: its embed address, size and a title naming the view. */
export function iframeSnippet(href: string, title: string): string {
  return embedSnippet(embedUrl(href), title);
}

function copyField(label: string, testid: string, multiline: boolean, status: HTMLElement) {
  const id = uid(testid);
  const field = multiline
    ? h('textarea', {
        id,
        class: 'govuk-textarea app-share__field',
        rows: 3,
        readonly: true,
        'data-testid': testid,
      })
    : h('input', {
        id,
        class: 'govuk-input app-share__field',
        type: 'text',
        readonly: true,
        'data-testid': testid,
      });
  const copy = h(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0' },
    `Copy ${label.toLowerCase()}`,
  );
  copy.addEventListener('click', () => {
    field.select();
    const failed = `Select the ${label.toLowerCase()} and copy it (Ctrl+C or ⌘C).`;
    // The clipboard is offered only on secure pages (https or localhost): elsewhere the text is left selected.
    if (!navigator.clipboard) {
      status.textContent = failed;
      return;
    }
    navigator.clipboard.writeText(field.value).then(
      () => (status.textContent = `${label} copied.`),
      () => (status.textContent = failed),
    );
  });
  const group = h(
    'div',
    { class: 'govuk-form-group' },
    h('label', { class: 'govuk-label govuk-label--s', for: id }, label),
    field,
    copy,
  );
  return { group, field };
}

/**
 * The share control. It is filled from the address bar when opened (the map keeps its centre and zoom there);
 * setTitle() names the view for the iframe's title.
 */
export function shareControl(): { element: HTMLElement; setTitle(title: string): void } {
  let title = document.title;
  const status = h('p', { class: 'govuk-body-s', role: 'status' });
  const link = copyField('Link', 'share-link', false, status);
  const embed = copyField('Embed code', 'share-embed', true, status);
  const note = h(
    'p',
    { class: 'govuk-hint' },
    'The embed shows this view alone, as wide as the column it is put in and as tall as that width needs (its ' +
      'script sizes it), with its source, date and a link back here; news sites that read oEmbed embed the link ' +
      'by themselves.',
  );
  // Which views can be embedded instead, as Datawrapper says which of its charts embed.
  const framable = FRAMABLE_VIEWS.map((view) => VIEW_TITLES[view]);
  const linkOnly = h(
    'p',
    { class: 'govuk-hint', 'data-testid': 'share-link-only' },
    `This view is shared by its link only: it is not made for a frame. The ${framable.slice(0, -1).join(', ')} ` +
      `and ${framable.at(-1)} views can be embedded.`,
  );
  const summary = h('span', { class: 'govuk-details__summary-text' }, 'Share or embed this view');
  // A view not made for a frame (a page of tables, Admin) offers its link only, and says so.
  const embeddable = (): boolean => isFramable(parseState(window.location.search).view);
  const name = (): string => (embeddable() ? 'Share or embed this view' : 'Share this view');
  const element = h(
    'details',
    { class: 'govuk-details app-share', 'data-testid': 'share' },
    h('summary', { class: 'govuk-details__summary' }, summary),
    h('div', { class: 'govuk-details__text' }, link.group, linkOnly, embed.group, note, status),
  );
  const update = (): void => {
    const href = window.location.href;
    const framed = embeddable();
    link.field.value = href;
    summary.textContent = name();
    embed.group.hidden = !framed;
    note.hidden = !framed;
    linkOnly.hidden = framed;
    embed.field.value = framed ? iframeSnippet(href, title) : '';
    status.textContent = '';
  };
  element.addEventListener('toggle', update);
  return {
    element,
    setTitle(text) {
      title = text;
      if (element.open) update();
      else summary.textContent = name();
    },
  };
}
