// "Share or embed": the permalink of the view as it is now (its date, data version, filters and, on the map, its
// centre and zoom), and a ready <iframe> of its ?embed=1 page with width, height and title.
import { NEVER_FRAMED } from '../../../common/views.js';
import { h, uid } from '../dom.js';
import { parseState, serialiseState } from '../state.js';

export const EMBED_SIZE = { width: 600, height: 450 };

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page's address with ?embed=1. */
export function embedUrl(href: string): string {
  const url = new URL(href);
  const state = { ...parseState(url.search), embed: true };
  return `${url.origin}${url.pathname}${serialiseState(state)}`;
}

/** The <iframe> snippet of a page: its embed address, size and a title naming the view. */
export function iframeSnippet(href: string, title: string): string {
  const { width, height } = EMBED_SIZE;
  return (
    `<iframe src="${attribute(embedUrl(href))}" width="${width}" height="${height}" ` +
    `title="${attribute(title)}" loading="lazy" style="border:0;max-width:100%"></iframe>`
  );
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
    `The embed shows this view alone, ${EMBED_SIZE.width} by ${EMBED_SIZE.height} pixels, with its date and the licence; news sites that read oEmbed embed the link by themselves.`,
  );
  const element = h(
    'details',
    { class: 'govuk-details app-share', 'data-testid': 'share' },
    h(
      'summary',
      { class: 'govuk-details__summary' },
      h('span', { class: 'govuk-details__summary-text' }, 'Share or embed this view'),
    ),
    h('div', { class: 'govuk-details__text' }, link.group, embed.group, note, status),
  );
  const update = (): void => {
    const href = window.location.href;
    const view = parseState(window.location.search).view;
    link.field.value = href;
    const framable = !NEVER_FRAMED.includes(view);
    embed.group.hidden = !framable;
    note.hidden = !framable;
    embed.field.value = framable ? iframeSnippet(href, title) : '';
    status.textContent = '';
  };
  element.addEventListener('toggle', update);
  return {
    element,
    setTitle(text) {
      title = text;
      if (element.open) update();
    },
  };
}
