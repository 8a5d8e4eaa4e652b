// Coverage map: a one-sentence summary, the Leaflet choropleth with its legend and info panel, downloads, and the
// table of the same figures.
import { api, noDataRow, type CoverageRow, type Member } from '../api.js';
import { capitalise, hasMemberList, membersLabel, type View, type ViewContext } from '../context.js';
import { coverageColumns, RADIUS_KM } from '../columns.js';
import { option, regionFilter, selectField } from '../controls.js';
import { clear, h } from '../dom.js';
import { downloadButtons, fileSlug } from '../download.js';
import { embedFigure } from '../figure.js';
import { formatDate, formatDecimal, formatInt } from '../format.js';
import { loadBoundaries, regionNames, type Boundaries } from '../map/boundaries.js';
import { legendList } from '../map/legend.js';
import { choroplethSvg } from '../map/choropleth-svg.js';
import type { MemberPoint } from '../map/leaflet-map.js';
import { colourScale, metricValue, type ColourScale } from '../map/scale.js';
import { mapSummary } from '../map/summary.js';
import { insetText, noListText } from '../messages.js';
import { METRICS, type Metric } from '../state.js';
import { dataTable, toCsv } from '../table.js';

const METRIC_NAMES: Record<Metric, string> = {
  members: 'Number of members',
  members_per_100_schools: 'Members per 100 schools',
  schools_beyond_km: `Schools more than ${RADIUS_KM} km from a member`,
  covered: 'Covered or not',
};

function memberPoints(members: Member[]): MemberPoint[] {
  const points: MemberPoint[] = [];
  for (const m of members) {
    if (typeof m.latitude !== 'number' || typeof m.longitude !== 'number') continue;
    points.push({
      name: m.name,
      lat: m.latitude,
      lon: m.longitude,
      group: m.group_name,
      area: m.la_name,
      phase: m.phase,
    });
  }
  return points;
}

function areaInfo(
  row: CoverageRow | undefined,
  name: string,
  scale: ColourScale,
  memberLabel: string,
): HTMLElement {
  if (!row) {
    return h(
      'div',
      {},
      h('h3', { class: 'govuk-heading-s' }, name),
      h('p', { class: 'govuk-body' }, 'No data for this area.'),
    );
  }
  const items: [string, string][] = [
    ['Mapped figure', scale.describe(metricValue(row, scale.metric))],
    [capitalise(memberLabel), formatInt(row.members)],
    ['Establishments', formatInt(row.schools)],
    ['Per 100 establishments', formatDecimal(row.members_per_100_schools)],
    [`Establishments beyond ${RADIUS_KM} km`, formatInt(row.schools_beyond_km)],
  ];
  return h(
    'div',
    {},
    h('h3', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, row.name),
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, row.region ?? ''),
    h('dl', { class: 'app-facts' }, ...items.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('p', { class: 'govuk-body-s' }, 'Click, or press Enter, to open its profile.'),
  );
}

export const view: View = async (ctx) => {
  const { network, state } = ctx;
  const label = membersLabel(network);
  // With no member list on the date, every area is "no data": nothing to ask the API for.
  const listed = hasMemberList(ctx);
  const [coverage, boundaries, members] = await Promise.all([
    listed ? api.coverage({ network: network.id, as_at: ctx.asAt }).then((c) => c.rows) : [],
    loadBoundaries(),
    listed
      ? api.members({ network: network.id, as_at: ctx.asAt, limit: 1000, offset: 0 }).then(
          (m) => m.rows,
          () => null,
        )
      : [],
  ]);
  return renderMap(ctx, coverage, boundaries, members, label, state.metric);
};

function renderMap(
  ctx: ViewContext,
  allRows: CoverageRow[],
  boundaries: Boundaries,
  members: Member[] | null,
  label: string,
  metric: Metric,
): { node: HTMLElement; mount: () => () => void } {
  const { network, state } = ctx;
  const words = { member: network.member_label, members: label, radiusKm: RADIUS_KM, network: network.name };
  const byCode = new Map(allRows.map((r) => [r.la_code, r]));
  const regions = regionNames(boundaries);
  const region = state.region && regions.includes(state.region) ? state.region : null;
  const inRegion = (code: string): boolean =>
    region === null ||
    boundaries.areas.features.some(
      (f) => f.properties.la_code === code && f.properties.region_name === region,
    );
  const rows = allRows.filter((r) => inRegion(r.la_code));
  // Areas in the boundaries with no row at all are "no data", never zero.
  const scopeCodes = boundaries.areas.features.map((f) => f.properties.la_code).filter(inRegion);
  const scopeRows: CoverageRow[] = scopeCodes.map(
    (code) =>
      byCode.get(code) ??
      noDataRow({
        la_code: code,
        name: boundaries.areas.features.find((f) => f.properties.la_code === code)?.properties.name ?? code,
        region,
      }),
  );
  const scale = colourScale(scopeRows, metric, words);
  const valueOf = (code: string): number | null => {
    const row = byCode.get(code);
    return row ? metricValue(row, metric) : null;
  };
  const summary = mapSummary(scopeRows, metric, words);
  const where = region ?? 'England';
  const title = `${scale.title} by council area, ${where}`;
  const dateLine = `As at ${formatDate(ctx.asAt)}`;
  const staticMap = (): SVGSVGElement =>
    choroplethSvg({
      title,
      description: summary,
      areas: {
        type: 'FeatureCollection',
        features: boundaries.areas.features.filter((f) => inRegion(f.properties.la_code)),
      },
      regions: region ? null : boundaries.regions,
      values: new Map(scopeCodes.map((c) => [c, valueOf(c)])),
      scale,
      width: 560,
      height: 640,
    });

  const info = h('div', { class: 'app-map-info', 'data-testid': 'map-info', 'aria-live': 'polite' });
  const showInfo = (code: string | null): void => {
    clear(info);
    if (code === null) {
      info.append(
        h('p', { class: 'govuk-body-s' }, 'Point at, or Tab to, a council area to see its figures.'),
      );
      return;
    }
    const name =
      boundaries.areas.features.find((f) => f.properties.la_code === code)?.properties.name ?? code;
    info.append(areaInfo(byCode.get(code), name, scale, label));
  };
  showInfo(state.area);

  const mapEl = h('div', {
    class: 'app-map',
    'data-testid': 'map',
    role: 'region',
    'aria-label': `Map: ${title}. The table below lists the same figures.`,
  });
  const legend = legendList(scale);
  const summaryEl = h('p', { class: 'govuk-body-l', 'data-testid': 'map-summary' }, summary);
  const points = members ? memberPoints(members) : [];
  const mount = (): (() => void) => {
    let destroyed = false;
    let instance: { destroy(): void } | null = null;
    void import('../map/leaflet-map.js').then(({ coverageMap }) => {
      if (destroyed) return;
      const fitTo = region ? new Set(scopeCodes) : state.area ? new Set([state.area]) : null;
      instance = coverageMap({
        container: mapEl,
        areas: boundaries.areas,
        regions: boundaries.regions,
        fill: (code) => scale.fill(valueOf(code)),
        label: (code) => {
          const name =
            boundaries.areas.features.find((f) => f.properties.la_code === code)?.properties.name ?? code;
          return `${name}: ${scale.describe(valueOf(code))}`;
        },
        onInfo: showInfo,
        onSelect: (code) => ctx.nav.go({ view: 'area', area: code }),
        members: points,
        memberLabel: network.member_label,
        fitTo,
        dimOutside: region !== null,
        selected: state.area,
        reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      });
      mapEl.setAttribute('data-ready', 'true');
    });
    return () => {
      destroyed = true;
      instance?.destroy();
    };
  };

  if (state.embed) {
    const node = embedFigure(
      title,
      dateLine,
      h('div', {}, summaryEl, h('div', { class: 'app-map-layout' }, mapEl, h('div', {}, info, legend))),
    );
    return { node, mount };
  }

  const columns = coverageColumns(ctx);
  const controls = h(
    'div',
    { class: 'app-controls' },
    selectField(
      'Show',
      'metric-control',
      METRICS.map((m) => option(m, METRIC_NAMES[m], m === metric)),
      (v) => ctx.nav.go({ metric: v as Metric }),
    ),
    regionFilter(ctx.nav, regions, region),
  );
  const pointsNote =
    members === null
      ? `The ${label} could not be loaded, so they are not shown as points.`
      : points.length === 0
        ? `No locations are held for ${label} on this date, so none are shown as points.`
        : `${formatInt(points.length)} of the ${formatInt(members.length)} ${label} have a known location and are ` +
          'shown as clustered points; select a point for its name.';

  const node = h(
    'div',
    {},
    h('span', { class: 'govuk-caption-l' }, `${network.name}, as at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, 'Coverage map'),
    controls,
    summaryEl,
    h(
      'div',
      { class: 'app-map-layout' },
      h(
        'div',
        {},
        mapEl,
        h('p', { class: 'govuk-body-s govuk-!-margin-top-2', 'data-testid': 'map-points' }, pointsNote),
      ),
      h(
        'div',
        {},
        info,
        legend,
        downloadButtons({
          name: fileSlug(network.id, 'map', metric, region, ctx.asAt),
          what: 'the map',
          about: {
            title,
            date: dateLine,
            dataVersion: ctx.meta.dataVersion,
            source: 'member lists, GIAS establishments and ONS boundaries',
          },
          image: staticMap,
          csv: () => toCsv(columns, scopeRows),
        }),
      ),
    ),
    rows.length === 0 && scopeRows.length > 0 ? insetText(noListText(ctx), 'no-list') : null,
    dataTable({
      caption: `${capitalise(label)} by council area, ${where}, ${formatDate(ctx.asAt)}`,
      columns,
      rows: scopeRows,
      sort: state.sort,
      onSort: (sort) => ctx.nav.go({ sort }, { replace: true }),
      testid: 'map-table',
    }),
  );
  return { node, mount };
}
