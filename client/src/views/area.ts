// Area profile: the council area on a locator map, its figures, members and groups, its schools by phase, its
// neighbours' coverage, the nearest members outside it, and its history over the member lists.
import {
  api,
  noDataRow,
  type AreaHistoryPoint,
  type AreaProfile,
  type CoverageRow,
  type NearbyMember,
} from '../api.js';
import { coverageColumns, memberColumns, RADIUS_KM } from '../columns.js';
import {
  capitalise,
  hasMemberList,
  link,
  membersLabel,
  plural,
  type View,
  type ViewContext,
} from '../context.js';
import { h } from '../dom.js';
import { downloadButtons, fileSlug } from '../download.js';
import { formatDate, formatDecimal, formatInt } from '../format.js';
import { loadBoundaries, type Boundaries } from '../map/boundaries.js';
import { choroplethSvg } from '../map/choropleth-svg.js';
import { colourScale, metricValue } from '../map/scale.js';
import { insetText, noListText } from '../messages.js';
import { dataTable, toCsv, type Column } from '../table.js';
import { legendList } from '../map/legend.js';

type PhaseCount = AreaProfile['schools_by_phase'][number];

function card(figure: string, label: string, testid: string): HTMLElement {
  return h(
    'div',
    { class: 'app-card', 'data-testid': testid },
    h('p', { class: 'app-card__figure' }, figure),
    h('p', { class: 'app-card__label' }, label),
  );
}

function chooseAnArea(ctx: ViewContext): HTMLElement {
  return h(
    'div',
    {},
    h('h1', { class: 'govuk-heading-l' }, 'Area profile'),
    h(
      'p',
      { class: 'govuk-body' },
      'Choose a council area on the ',
      link(ctx.nav, { view: 'map' }, 'coverage map'),
      ' or in the ',
      link(ctx.nav, { view: 'gaps' }, 'gap finder'),
      '.',
    ),
  );
}

/** The locator map: the area outlined among its neighbours, coloured by covered or not. */
function locatorFigure(
  ctx: ViewContext,
  laCode: string,
  name: string,
  rows: CoverageRow[],
  boundaries: Boundaries | null,
  csv: () => string,
): HTMLElement {
  const { network } = ctx;
  if (!boundaries?.areas.features.some((f) => f.properties.la_code === laCode)) {
    return insetText('No boundary is held for this area.');
  }
  const words = { member: network.member_label, members: membersLabel(network), radiusKm: RADIUS_KM };
  const scale = colourScale(
    rows.length > 0 ? rows : [noDataRow({ la_code: laCode, name, region: null })],
    'covered',
    words,
  );
  const values = new Map(rows.map((r) => [r.la_code, metricValue(r, 'covered')]));
  const locator = (): SVGSVGElement =>
    choroplethSvg({
      title: `${name} and its neighbours`,
      description: `${name} outlined in black; areas coloured by whether they have a ${network.member_label}.`,
      areas: boundaries.areas,
      regions: boundaries.regions,
      values,
      scale,
      focus: laCode,
      legend: false,
      width: 360,
      height: 360,
    });
  return h(
    'figure',
    { class: 'app-figure', 'data-testid': 'area-locator' },
    withClass(locator(), 'app-locator'),
    legendList(scale),
    downloadButtons({
      name: fileSlug(network.id, name, ctx.asAt),
      what: `the map of ${name}`,
      about: {
        title: `${name}: ${membersLabel(network)}`,
        date: `As at ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source: 'member lists and ONS boundaries',
      },
      image: locator,
      csv,
    }),
  );
}

function withClass(svg: SVGSVGElement, name: string): SVGSVGElement {
  svg.classList.add(name);
  return svg;
}

export const view: View = async (ctx) => {
  const { network, state } = ctx;
  if (!state.area) return { node: chooseAnArea(ctx) };
  const laCode = state.area;
  const back = link(ctx.nav, { view: 'map', area: laCode }, 'Back to the map', { class: 'govuk-back-link' });

  if (!hasMemberList(ctx)) {
    // No member list on the date: the API has no profile to give; the area is still named and drawn.
    const boundaries = await loadBoundaries().catch(() => null);
    const feature = boundaries?.areas.features.find((f) => f.properties.la_code === laCode);
    const name = feature?.properties.name ?? `Council area ${laCode}`;
    return {
      node: h(
        'div',
        {},
        back,
        h(
          'span',
          { class: 'govuk-caption-l' },
          `${feature?.properties.region_name ?? 'Council area'}, LA code ${laCode}`,
        ),
        h('h1', { class: 'govuk-heading-l', 'data-testid': 'area-name' }, name),
        insetText(noListText(ctx), 'no-list'),
        locatorFigure(ctx, laCode, name, [], boundaries, () => ''),
      ),
    };
  }

  const label = membersLabel(network);
  const [profile, coverage, boundaries] = await Promise.all([
    api.councilArea(laCode, { network: network.id, as_at: ctx.asAt }),
    api.coverage({ network: network.id, as_at: ctx.asAt }),
    loadBoundaries().catch(() => null),
  ]);
  const row = profile.coverage;
  const areaName = (code: string | null): string =>
    (code && coverage.rows.find((r) => r.la_code === code)?.name) ?? code ?? 'unknown area';

  const neighbourColumns = coverageColumns<AreaProfile['neighbours'][number]>(ctx, [
    'name',
    'members',
    'covered',
  ]);
  const historyColumns: Column<AreaHistoryPoint>[] = [
    { key: 'as_at', label: 'Member list of', value: (p) => p.as_at, cell: (p) => formatDate(p.as_at) },
    {
      key: 'members',
      label: capitalise(label),
      numeric: true,
      value: (p) => p.members,
      cell: (p) => formatInt(p.members),
    },
  ];
  const phaseColumns: Column<PhaseCount>[] = [
    { key: 'phase', label: 'Phase', value: (p) => p.phase ?? 'Not recorded' },
    {
      key: 'schools',
      label: 'Establishments',
      numeric: true,
      value: (p) => p.schools,
      cell: (p) => formatInt(p.schools),
    },
    {
      key: 'pupils',
      label: 'Pupils',
      numeric: true,
      value: (p) => p.pupils,
      cell: (p) => formatInt(p.pupils),
    },
  ];
  const nearbyColumns: Column<NearbyMember>[] = [
    { key: 'name', label: capitalise(network.member_label), value: (m) => m.name },
    {
      key: 'la_code',
      label: 'Council area',
      value: (m) => areaName(m.la_code),
      cell: (m) =>
        m.la_code ? link(ctx.nav, { view: 'area', area: m.la_code }, areaName(m.la_code)) : 'no data',
    },
    {
      key: 'km',
      label: 'Distance (km)',
      numeric: true,
      value: (m) => m.km,
      cell: (m) => formatDecimal(m.km),
    },
  ];
  const groupsLabel = network.group_label ? capitalise(plural(network.group_label)) : 'Groups';

  const node = h(
    'div',
    {},
    back,
    h(
      'span',
      { class: 'govuk-caption-l' },
      `${profile.region ?? 'Council area'}, LA code ${profile.la_code}`,
    ),
    h('h1', { class: 'govuk-heading-l', 'data-testid': 'area-name' }, profile.name),
    h(
      'p',
      { class: 'govuk-body' },
      `${network.name} as at ${formatDate(ctx.asAt)}. Ranked ${formatInt(profile.rank_by_need)} of ` +
        `${formatInt(coverage.total)} council areas by need (1 = most in need).`,
    ),
    h(
      'div',
      { class: 'app-headlines', 'data-testid': 'area-headlines' },
      card(formatInt(row.members), label, 'area-members'),
      network.group_label ? card(formatInt(row.groups), plural(network.group_label), 'area-groups') : null,
      card(formatInt(row.schools), 'establishments', 'area-schools'),
      card(formatDecimal(row.members_per_100_schools), `${label} per 100 schools`, 'area-per-100'),
      row.schools_beyond_km === null
        ? null
        : card(
            formatInt(row.schools_beyond_km),
            `schools more than ${RADIUS_KM} km from a ${network.member_label}`,
            'area-beyond',
          ),
    ),
    h(
      'div',
      { class: 'govuk-grid-row' },
      h(
        'div',
        { class: 'govuk-grid-column-one-half' },
        locatorFigure(ctx, profile.la_code, profile.name, coverage.rows, boundaries, () =>
          toCsv(neighbourColumns, [{ ...row, adjacent: false, km: null }, ...profile.neighbours]),
        ),
      ),
      h(
        'div',
        { class: 'govuk-grid-column-one-half' },
        profile.neighbours.length > 0
          ? dataTable({
              caption: 'Neighbouring areas',
              columns: neighbourColumns,
              rows: profile.neighbours,
              testid: 'neighbours-table',
            })
          : h('p', { class: 'govuk-body' }, 'No neighbouring areas are listed.'),
      ),
    ),
    dataTable({
      caption: `${capitalise(label)} serving ${profile.name}`,
      columns: memberColumns<AreaProfile['members'][number]>(
        ctx,
        network.id === 'hubs' ? ['name', 'key', 'urn'] : ['name', 'urn', 'group', 'phase'],
      ),
      rows: profile.members,
      testid: 'area-members-table',
      empty: `No ${network.member_label} serves this area.`,
    }),
    profile.groups !== null && profile.groups.length > 0
      ? h(
          'section',
          {},
          h('h2', { class: 'govuk-heading-m' }, groupsLabel),
          h(
            'ul',
            { class: 'govuk-list govuk-list--bullet' },
            ...profile.groups.map((g) =>
              h(
                'li',
                {},
                `${g.name} (${formatInt(g.members_here)} ${g.members_here === 1 ? network.member_label : label} here)`,
              ),
            ),
          ),
        )
      : null,
    profile.nearest_members_outside.length > 0
      ? dataTable({
          caption: `Nearest ${label} outside ${profile.name} (from the nearest of its schools)`,
          columns: nearbyColumns,
          rows: profile.nearest_members_outside,
          testid: 'area-nearby',
        })
      : null,
    dataTable({
      caption: 'Open schools by phase',
      columns: phaseColumns,
      rows: profile.schools_by_phase,
      testid: 'area-schools-table',
    }),
    profile.history.length > 0
      ? dataTable({
          caption: 'History over the member lists',
          columns: historyColumns,
          rows: profile.history,
          testid: 'area-history',
        })
      : null,
  );
  return { node };
};
