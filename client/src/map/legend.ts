// A map's legend: its title and one swatch per class ("no data" hatched, never a colour a value could have).
import { h } from '../dom.js';

export interface Legend {
  title: string;
  entries: { kind: string; label: string; fill: string }[];
}

/** The legend as a titled list; `heading` is the title's level where the page's outline needs another. */
export function legendList(
  legend: Legend,
  testid = 'map-legend',
  heading: 'h2' | 'h3' | 'h4' = 'h2',
): HTMLElement {
  return h(
    'div',
    { 'data-testid': testid },
    h(heading, { class: 'govuk-heading-s govuk-!-margin-bottom-2' }, legend.title),
    h(
      'ul',
      { class: 'app-legend' },
      ...legend.entries.map((e) =>
        h(
          'li',
          { class: 'app-legend__item', 'data-kind': e.kind },
          h('span', {
            class: `app-legend__swatch${e.kind === 'no-data' ? ' app-legend__swatch--no-data' : ''}`,
            style: e.kind === 'no-data' ? null : `background-color: ${e.fill}`,
            'aria-hidden': 'true',
          }),
          e.label,
        ),
      ),
    ),
  );
}
