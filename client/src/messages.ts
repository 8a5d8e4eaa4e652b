// In-page messages: errors are said in words where the panel would have been, never a blank space.
import { ApiError } from './api.js';
import { h } from './dom.js';
import { hasEnded, type ViewContext } from './context.js';
import { formatDate } from './format.js';
import { ageWords } from './published.js';

export function errorPanel(error: unknown, what = 'this view'): HTMLElement {
  const message =
    error instanceof ApiError
      ? error.message
      : `Something went wrong while showing ${what}: ${error instanceof Error ? error.message : String(error)}`;
  return h(
    'div',
    { class: 'govuk-error-summary', role: 'alert', tabindex: -1, 'data-testid': 'error' },
    h(
      'div',
      {},
      h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, message)),
    ),
  );
}

export function insetText(text: string, testid?: string): HTMLElement {
  return h('div', { class: 'govuk-inset-text', 'data-testid': testid }, text);
}

export function notificationBanner(title: string, body: string, testid?: string): HTMLElement {
  return h(
    'div',
    { class: 'govuk-notification-banner', role: 'region', 'aria-label': title, 'data-testid': testid },
    h(
      'div',
      { class: 'govuk-notification-banner__header' },
      h('h2', { class: 'govuk-notification-banner__title' }, title),
    ),
    h(
      'div',
      { class: 'govuk-notification-banner__content' },
      h('p', { class: 'govuk-notification-banner__heading' }, body),
    ),
  );
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'govuk-body', role: 'status', 'aria-busy': 'true' }, `Loading ${what}…`);
}

/**
 * Said wherever a figure needs a member list that is not in force: "no data", not zero; after the network's end,
 * that it had ended, when, and on whose word.
 */
export function noListText(ctx: Pick<ViewContext, 'network' | 'asAt'>): string {
  const { network, asAt } = ctx;
  if (hasEnded(ctx)) {
    const ended = network.ended!;
    const last = [...network.snapshot_dates].sort().findLast((d) => d <= ended.day);
    return (
      `${network.name} ended on ${formatDate(ended.day)} (${ended.source_title}), so no list of them is in ` +
      `force on ${formatDate(asAt)} and council-area figures show no data.` +
      (last ? ` The last list, of ${formatDate(last)}, was in force until then.` : '')
    );
  }
  return `No member list of ${network.name.toLowerCase()} is held on or before ${formatDate(asAt)}, so council-area figures show no data (which is not the same as none).`;
}

/** 'List of 12 March 2018, 3 years earlier': the list in force on the chosen date and how old it is then. */
export function listAgeText(listDate: string, asAt: string): string {
  const age = ageWords(listDate, asAt);
  return `List of ${formatDate(listDate)}${age ? `, ${age}` : ''}`;
}
