// A chart or map with its downloads and the accessible table of the same figures.
import { h } from './dom.js';
import { downloadButtons, type DownloadOptions } from './download.js';

export interface FigureOptions {
  heading: string;
  /** What the figure shows, in one sentence above it. */
  summary?: string;
  chart: Element;
  downloads: DownloadOptions;
  table: HTMLElement;
  testid: string;
}

export function chartFigure(options: FigureOptions): HTMLElement {
  return h(
    'section',
    { class: 'app-figure', 'data-testid': options.testid },
    h('h2', { class: 'govuk-heading-m' }, options.heading),
    options.summary ? h('p', { class: 'govuk-body' }, options.summary) : null,
    h('div', { class: 'app-figure__chart', 'data-testid': `${options.testid}-chart` }, options.chart),
    downloadButtons(options.downloads),
    options.table,
  );
}

/** `?embed=1`: the chart alone with its title, date and (from the layout) the attribution. */
export function embedFigure(title: string, date: string, chart: Element): HTMLElement {
  return h(
    'div',
    { class: 'app-embed-figure', 'data-testid': 'embed' },
    h('h1', { class: 'govuk-heading-m govuk-!-margin-bottom-1' }, title),
    h('p', { class: 'govuk-body-s' }, date),
    h('div', { class: 'app-figure app-embed-figure__body' }, chart),
  );
}
