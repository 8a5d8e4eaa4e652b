// Gap finder: council areas ranked by need (API `gaps`), filtered by region and phase, sortable, with links to the
// map and the area profile, and a CSV of what is shown.
import { api, type GapRow } from '../api.js';
import { hasMemberList, link, membersLabel, type View } from '../context.js';
import { insetText, noListText } from '../messages.js';
import { filterWords, phaseFilter, regionFilter } from '../controls.js';
import { coverageColumns, RADIUS_KM } from '../columns.js';
import { h } from '../dom.js';
import { downloadButtons, fileSlug } from '../download.js';
import { formatDate, formatDecimal, formatInt } from '../format.js';
import { loadBoundaries, regionNames } from '../map/boundaries.js';
import { dataTable, toCsv, type Column } from '../table.js';

/** The nearest members outside the area, with their council area and distance. */
function nearest(row: GapRow, areaName: (code: string | null) => string): string {
  return row.nearest_members
    .slice(0, 3)
    .map((m) => `${m.name} (${areaName(m.la_code)}, ${formatDecimal(m.km)} km)`)
    .join('; ');
}

export const view: View = async (ctx) => {
  const { network, state } = ctx;
  const label = membersLabel(network);
  const heading = [
    h('span', { class: 'govuk-caption-l' }, `${network.name}, as at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, 'Gap finder'),
  ];
  if (!hasMemberList(ctx)) return { node: h('div', {}, ...heading, insetText(noListText(ctx), 'no-list')) };
  const [gaps, boundaries] = await Promise.all([
    api.gaps({ network: network.id, as_at: ctx.asAt, region: state.region, phase: state.phase }),
    loadBoundaries().catch(() => null),
  ]);
  const regions = boundaries
    ? regionNames(boundaries)
    : [...new Set(gaps.rows.map((r) => r.region ?? ''))].filter(Boolean).sort();
  const rows = gaps.rows;
  const names = new Map(
    (boundaries?.areas.features ?? []).map((f) => [f.properties.la_code, f.properties.name]),
  );
  const areaName = (code: string | null): string => (code ? (names.get(code) ?? code) : 'unknown area');

  const [name, region, ...figures] = coverageColumns<GapRow>(ctx, [
    'name',
    'region',
    'members',
    'schools',
    'members_per_100_schools',
    'schools_beyond_km',
  ]);
  const columns: Column<GapRow>[] = [
    { key: 'rank', label: 'Rank', numeric: true, value: (r) => r.rank },
    name!,
    region!,
    { key: 'reason', label: 'Why it is listed', value: (r) => r.reason },
    ...figures,
    {
      key: 'nearest',
      label: `Nearest ${label} outside`,
      value: (r) => nearest(r, areaName),
      sortable: false,
    },
    {
      key: 'map',
      label: 'Map',
      value: () => null,
      sortable: false,
      cell: (r) =>
        link(
          ctx.nav,
          { view: 'map', area: r.la_code, region: null },
          h('span', {}, 'Show on map', h('span', { class: 'govuk-visually-hidden' }, `: ${r.name}`)),
        ),
    },
  ];
  const csvColumns = columns.filter((c) => c.key !== 'map');

  const node = h(
    'div',
    {},
    ...heading,
    h(
      'p',
      { class: 'govuk-body' },
      `Council areas ranked by need: those with no ${network.member_label} first, then the fewest ${label} per school, ` +
        `then the most schools more than ${RADIUS_KM} km from the nearest ${network.member_label}. ` +
        `The nearest ${label} outside an area are measured from the area\u2019s own schools: each distance is to ` +
        'the nearest of them.',
    ),
    h(
      'div',
      { class: 'app-controls' },
      regionFilter(ctx.nav, regions, state.region),
      phaseFilter(ctx.nav, state.phase, 'Phase of schools'),
    ),
    h(
      'p',
      { class: 'govuk-body', 'data-testid': 'gaps-count' },
      `${formatInt(gaps.total)} council areas listed.`,
    ),
    downloadButtons({
      name: fileSlug(network.id, 'gaps', state.region, state.phase, ctx.asAt),
      what: 'the gap finder table',
      about: {
        title: `${network.name}: council areas by need, ${filterWords(state.region, state.phase)}`,
        date: `As at ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source: 'member lists, GIAS establishments and ONS council areas',
      },
      csv: () => toCsv(csvColumns, rows),
    }),
    dataTable({
      caption: `Council areas by need, ${state.region ?? 'England'}, ${formatDate(ctx.asAt)}`,
      columns,
      rows,
      sort: state.sort,
      onSort: (sort) => ctx.nav.go({ sort }, { replace: true }),
      testid: 'gaps-table',
      empty: 'No council areas match these filters.',
    }),
  );
  return { node };
};
