// A chart or map with its downloads and the accessible table of the same figures.
import { h } from './dom.js';
import { downloadButtons, type DownloadOptions } from './download.js';
import { drawnForPrint } from './print-width.js';

/** A chart drawn for a width in px: on the page it is drawn for its container, so its text is never scaled down. */
export type ChartAt = (width: number) => SVGSVGElement;

export interface FigureOptions {
  heading: string;
  /** What the figure shows, in one sentence above it. */
  summary?: string;
  /** The chart, or a function drawing it for a width (preferred: drawn again when its container's width changes). */
  chart: Element | ChartAt;
  downloads: DownloadOptions;
  table: HTMLElement;
  testid: string;
}

/** Narrower than this, a chart is drawn at this width and scrolls inside its container rather than squeeze. */
const NARROWEST = 280;
/**
 * A chart on the page is drawn at most this wide: about an A4 page's printable width (186 mm, 703 px), so that
 * printed it is hardly scaled and its 12 px text prints at 8 pt or more. (The style sheet holds it to the same.)
 */
export const WIDEST = 720;
/**
 * An embed's chart is drawn at most this wide: the style sheet holds every chart to it (.app-figure svg), so one
 * drawn wider (a 1,248 px column) was scaled down, its 12 px text to 9 px.
 */
const EMBED_WIDEST = 960;

/**
 * The chart in its container: a function of width is drawn first at `initial`, then again for the container's
 * own width once it is in the page, and whenever that changes (a phone turned, the window resized, zoom).
 */
export function chartHolder(
  chart: Element | ChartAt,
  testid: string,
  initial = 640,
  widest = Number.POSITIVE_INFINITY,
): HTMLElement {
  const holder = h('div', { class: 'app-figure__chart', 'data-testid': testid });
  if (!(typeof chart === 'function')) {
    holder.append(chart);
    return holder;
  }
  let drawn = initial;
  holder.append(chart(initial));
  const fit = (room: number) => Math.min(widest, Math.max(NARROWEST, Math.floor(room)));
  const draw = (width: number) => {
    if (width === 0 || Math.abs(width - drawn) < 2) return;
    drawn = width;
    holder.replaceChildren(chart(width));
  };
  // Printed, drawn for the page (about A4's printable width) whatever the window's width.
  drawnForPrint(holder, WIDEST, (width) => draw(width ?? fit(holder.clientWidth || drawn)));
  if (typeof ResizeObserver === 'undefined') return holder;
  new ResizeObserver(([entry]) => draw(fit(entry?.contentRect.width ?? drawn))).observe(holder);
  return holder;
}

export function chartFigure(options: FigureOptions): HTMLElement {
  return h(
    'section',
    { class: 'app-figure', 'data-testid': options.testid },
    h('h2', { class: 'govuk-heading-m' }, options.heading),
    options.summary ? h('p', { class: 'govuk-body' }, options.summary) : null,
    chartHolder(options.chart, `${options.testid}-chart`, 640, WIDEST),
    downloadButtons(options.downloads),
    options.table,
  );
}

/** `?embed=1`: the chart alone with its title, date and (from the layout) the attribution. */
export function embedFigure(title: string, date: string, chart: Element | ChartAt): HTMLElement {
  return h(
    'div',
    { class: 'app-embed-figure', 'data-testid': 'embed' },
    h('h1', { class: 'govuk-heading-m govuk-!-margin-bottom-1' }, title),
    h('p', { class: 'govuk-body-s' }, date),
    h(
      'div',
      { class: 'app-figure app-embed-figure__body' },
      chartHolder(chart, 'embed-chart', 640, EMBED_WIDEST),
    ),
  );
}
