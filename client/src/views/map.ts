// Coverage map: a one-sentence summary, the Leaflet choropleth with its legend and info panel, downloads, and the
// table of the same figures. Composed of sections; what it shows is worked out in map/model.ts.
import { capitalise, hasMemberList, type Rendered, type View, type ViewContext } from '../context.js';
import { coverageColumns, radiusOf } from '../columns.js';
import { option, phaseFilter, radiusControl, regionFilter, selectField } from '../controls.js';
import { h } from '../dom.js';
import { downloadButtons, fileSlug } from '../download.js';
import { embedFigure } from '../figure.js';
import { formatDate, formatInt } from '../format.js';
import { choroplethSvg } from '../map/choropleth-svg.js';
import { legendList } from '../map/legend.js';
import type { MapView, MemberPoint } from '../map/leaflet-map.js';
import { METRICS, type Metric } from '../state.js';
import { dataTable, toCsv } from '../table.js';
import { areaInfoPanel } from './map/info.js';
import { loadMapData, mapModel, type MapModel } from './map/model.js';
import { publishedTotals } from './map/totals.js';
import { skipLink } from './map/skip-link.js';
import { nameLinkRegion } from './region-named.js';

const TABLE_ID = 'map-table-region';

function metricNames(ctx: ViewContext): Record<Metric, string> {
  return {
    members: 'Number of members',
    members_per_100_schools: 'Members per 100 schools',
    schools_beyond_km: `Schools more than ${radiusOf(ctx)} km from a member`,
    covered: 'Covered or not',
  };
}

function mapControls(ctx: ViewContext, model: MapModel): HTMLElement {
  const names = metricNames(ctx);
  return h(
    'div',
    { class: 'app-controls' },
    selectField(
      'Show',
      'metric-control',
      METRICS.map((m) => option(m, names[m], m === model.metric)),
      (v) => ctx.nav.go({ metric: v as Metric }),
    ),
    regionFilter(ctx.nav, model.regions, model.region),
    phaseFilter(ctx.nav, ctx.state.phase, 'Phase of schools'),
    model.metric === 'schools_beyond_km' ? radiusControl(ctx.nav, radiusOf(ctx)) : null,
  );
}

/** The map as an image: 560 px wide, or for a room (a slide's), its legend and notes below it in that room. */
function staticMap(model: MapModel, room?: { width: number; height: number }): SVGSVGElement {
  const inScope = new Set(model.scopeCodes);
  return choroplethSvg({
    title: model.title,
    description: model.summary,
    areas: {
      type: 'FeatureCollection',
      features: model.boundaries.areas.features.filter((f) => inScope.has(f.properties.la_code)),
    },
    regions: model.region ? null : model.boundaries.regions,
    values: new Map(model.scopeCodes.map((c) => [c, model.valueOf(c)])),
    scale: model.scale,
    notes: [model.summary, model.extractNote],
    width: room?.width ?? 560,
    // About 140 px of legend and notes go below the map on a slide.
    height: room ? room.height - 140 : undefined,
    maxHeight: 700,
  });
}

/** Draws the Leaflet map into its element once it is in the page; the returned function removes it. */
function mountMap(
  ctx: ViewContext,
  model: MapModel,
  mapEl: HTMLElement,
  showInfo: (code: string | null) => void,
  legend: HTMLElement | null,
  onDrawn: () => void = () => undefined,
): () => () => void {
  const { state } = ctx;
  const [lat, lon, zoom] = (state.at ?? '').split(',').map(Number);
  const view = state.at ? { lat: lat!, lon: lon!, zoom: zoom! } : null;
  const fitTo = model.region ? new Set(model.scopeCodes) : state.area ? new Set([state.area]) : null;
  return () => {
    let destroyed = false;
    let instance: { destroy(): void } | null = null;
    void import('../map/leaflet-map.js').then(({ coverageMap }) => {
      if (destroyed) return;
      const drawn = coverageMap({
        container: mapEl,
        areas: model.boundaries.areas,
        regions: model.boundaries.regions,
        fill: (code) => model.scale.fill(model.valueOf(code)),
        label: (code) => `${model.nameOf(code)}: ${model.scale.describe(model.valueOf(code))}`,
        onInfo: showInfo,
        // In an embed the navigator opens the area on the dashboard in a new tab.
        onSelect: (code) => ctx.nav.go({ view: 'area', area: code, at: null, member: null }),
        members: model.members.then((m) => m?.points ?? []),
        memberLabel: ctx.network.member_label,
        fitTo,
        dimOutside: model.region !== null,
        selected: state.area,
        reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
        view,
        onMove: (v: MapView) =>
          ctx.nav.go({ at: `${v.lat.toFixed(4)},${v.lon.toFixed(4)},${v.zoom}` }, { quiet: true }),
        legend,
        member: state.member,
      });
      instance = drawn;
      onDrawn();
      // Ready (for a test, a reader's link to a member) once the points are on it too.
      void drawn.membersDrawn.then(() => mapEl.setAttribute('data-ready', 'true'));
    });
    return () => {
      destroyed = true;
      instance?.destroy();
    };
  };
}

function mapElement(model: MapModel): HTMLElement {
  return h('div', {
    class: 'app-map',
    'data-testid': 'map',
    role: 'region',
    'aria-label': `Map: ${model.title}. The table below lists the same figures.`,
  });
}

function pointsText(model: MapModel, members: { points: MemberPoint[]; count: number } | null): string {
  const label = model.words.members;
  if (members === null) return `The ${label} could not be loaded, so they are not shown as points.`;
  if (members.points.length === 0)
    return `No locations are held for ${label} on this date, so none are shown as points.`;
  return (
    `${formatInt(members.points.length)} of the ${formatInt(members.count)} ${label} have a known location and ` +
    'are shown as clustered points; select a point for its name.'
  );
}

/** The line under the map on its points: filled in when the members come (the map does not wait for them). */
function pointsNote(model: MapModel): HTMLElement {
  const note = h('p', { class: 'govuk-body-s govuk-!-margin-top-2', 'data-testid': 'map-points' });
  void model.members.then((m) => (note.textContent = pointsText(model, m)));
  return note;
}

function downloads(ctx: ViewContext, model: MapModel): HTMLElement {
  const { state } = ctx;
  const radius = model.metric === 'schools_beyond_km' ? `${radiusOf(ctx)}km` : null;
  return downloadButtons({
    name: fileSlug(ctx.network.id, 'map', model.metric, radius, model.region, state.phase, ctx.asAt),
    what: 'the map',
    about: {
      title: model.title,
      date: model.dateLine,
      dataVersion: ctx.meta.dataVersion,
      source: model.source,
    },
    image: (room) => staticMap(model, room),
    csv: () => toCsv(coverageColumns(ctx), model.scopeRows),
  });
}

/**
 * ?embed=1: the title and the map, as tall as its width needs (up to a limit), its legend below it, clear of the
 * areas; the summary is read by a screen reader. No member points: in a small frame their clusters would hide the
 * areas, which carry the message.
 */
function embedMap(ctx: ViewContext, base: MapModel): Rendered {
  const model = { ...base, members: Promise.resolve(null) };
  const mapEl = mapElement(model);
  const legend = legendList(model.scale, 'map-legend', 'h2');
  legend.classList.add('app-embed-legend');
  const summary = h('p', { class: 'govuk-visually-hidden', 'data-testid': 'map-summary' }, model.summary);
  const node = embedFigure(
    model.title,
    model.dateLine,
    h('div', { class: 'app-embed-figure__body' }, summary, mapEl, legend),
  );
  return { node, mount: mountMap(ctx, model, mapEl, () => undefined, null) };
}

function fullMap(ctx: ViewContext, model: MapModel): Rendered {
  const { network, state } = ctx;
  const mapEl = mapElement(model);
  const info = areaInfoPanel(ctx, model);
  const where = model.region ?? 'England';
  // Print: the map as a still picture (the live one keeps the screen's view, cut at the page's edge).
  const printed = h('div', { class: 'app-print-only', 'data-testid': 'map-print' });
  const table = dataTable({
    caption: `${capitalise(model.words.members)} by council area, ${where}, ${formatDate(ctx.asAt)}`,
    columns: coverageColumns(ctx),
    rows: model.scopeRows,
    sort: state.sort,
    onSort: (sort) => ctx.nav.go({ sort }, { replace: true }),
    testid: 'map-table',
    id: TABLE_ID,
  });
  const node = h(
    'div',
    {},
    h('span', { class: 'govuk-caption-l' }, `${network.name}, as at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, 'Coverage map'),
    mapControls(ctx, model),
    model.regionTotal && h('p', { class: 'govuk-body-l', 'data-testid': 'region-total' }, model.regionTotal),
    h(
      'p',
      { class: 'govuk-body-l', 'data-testid': 'map-summary', 'data-results': true, tabindex: -1 },
      model.summary,
    ),
    h('p', { class: 'govuk-body-s', 'data-testid': 'establishments-extract' }, model.extractNote),
    skipLink(TABLE_ID, `Skip the map's ${formatInt(model.scopeCodes.length)} council areas to the table`),
    h(
      'div',
      { class: 'app-map-layout' },
      h('div', {}, mapEl, pointsNote(model)),
      h('div', {}, info.element, legendList(model.scale), downloads(ctx, model)),
    ),
    printed,
    table,
  );
  // Drawn after the live map, once the page is idle: not in its way on a slow phone.
  let drawn: { cancel(): void } | null = null;
  const mount = mountMap(ctx, model, mapEl, info.show, null, () => {
    drawn = whenIdle(() => printed.replaceChildren(staticMap(model)));
  });
  return {
    node,
    mount: () => {
      const unmount = mount();
      return () => {
        drawn?.cancel();
        unmount();
      };
    },
  };
}

/** Runs `task` when the page is idle (at most 2 s on). */
function whenIdle(task: () => void): { cancel(): void } {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(task, 200);
  return { cancel: () => clearTimeout(id) };
}

export const view: View = async (ctx) => {
  // With no member list on the date there is nothing to map: the published national figures are shown instead.
  if (!hasMemberList(ctx)) return { node: await publishedTotals(ctx) };
  const model = mapModel(ctx, await loadMapData(ctx));
  nameLinkRegion(ctx, model.boundaries);
  return ctx.state.embed ? embedMap(ctx, model) : fullMap(ctx, model);
};
