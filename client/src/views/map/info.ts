// The panel beside the map: the figures of the area pointed at, focused or chosen, in words.
import type { CoverageRow } from '../../api.js';
import { capitalise, type ViewContext } from '../../context.js';
import { radiusOf } from '../../columns.js';
import { h } from '../../dom.js';
import { formatDecimal, formatInt } from '../../format.js';
import { metricValue, type ColourScale } from '../../map/scale.js';
import type { MapModel } from './model.js';

function facts(
  row: CoverageRow,
  scale: ColourScale,
  memberLabel: string,
  radiusKm: number,
): [string, string][] {
  return [
    ['Mapped figure', scale.describe(metricValue(row, scale.metric))],
    [capitalise(memberLabel), formatInt(row.members)],
    ['Establishments', formatInt(row.schools)],
    ['Per 100 establishments', formatDecimal(row.members_per_100_schools)],
    [`Establishments beyond ${radiusKm} km`, formatInt(row.schools_beyond_km)],
  ];
}

function areaInfo(ctx: ViewContext, model: MapModel, code: string): HTMLElement {
  const row = model.rowOf(code);
  if (!row) {
    return h(
      'div',
      {},
      h('h2', { class: 'govuk-heading-s' }, model.nameOf(code)),
      h('p', { class: 'govuk-body' }, 'No data for this area.'),
    );
  }
  const items = facts(row, model.scale, model.words.members, radiusOf(ctx));
  return h(
    'div',
    {},
    h('h2', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, row.name),
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, row.region ?? ''),
    h('dl', { class: 'app-facts' }, ...items.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('p', { class: 'govuk-body-s' }, 'Click or tap, or press Enter, to open its profile.'),
  );
}

/** The panel, and show() to fill it for an area (or with the hint, for none). */
export function areaInfoPanel(
  ctx: ViewContext,
  model: MapModel,
): { element: HTMLElement; show(code: string | null): void } {
  const element = h('div', { class: 'app-map-info', 'data-testid': 'map-info', 'aria-live': 'polite' });
  const show = (code: string | null): void => {
    element.replaceChildren(
      code === null
        ? h('p', { class: 'govuk-body-s' }, 'Point at, tap or Tab to a council area to see its figures.')
        : areaInfo(ctx, model, code),
    );
  };
  show(ctx.state.area);
  return { element, show };
}
