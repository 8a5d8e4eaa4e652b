// Gap finder: council areas ranked by need (API `gaps`), filtered by region and phase, at a radius the reader
// chooses; each links to the map with the same filters. Below it, the reach list: the schools beyond the radius
// in an area or a region (gaps/reach.ts). On a phone both tables become lists of cards.
import { api, type GapRow, type Gaps, type ListAnswer } from '../api.js';
import { hasMemberList, link, membersLabel, type View, type ViewContext } from '../context.js';
import { coverageColumns, radiusOf } from '../columns.js';
import { filterWords, phaseFilter, radiusControl, regionFilter } from '../controls.js';
import { h } from '../dom.js';
import { downloadButtons, fileSlug } from '../download.js';
import { sourcesOf } from '../download/sources.js';
import { extractNote, locatedOf } from './extract-note.js';
import { formatDate, formatDecimal, formatInt } from '../format.js';
import { loadBoundaries, regionNames, type Boundaries } from '../map/boundaries.js';
import { insetText, noListText } from '../messages.js';
import { dataTable, toCsv, type Column } from '../table.js';
import { reachSection } from './gaps/reach.js';
import { nameLinkRegion } from './region-named.js';

/** The nearest members outside the area, with their council area and distance. */
function nearest(row: GapRow, areaName: (code: string | null) => string): string {
  return row.nearest_members
    .slice(0, 3)
    .map((m) => `${m.name} (${areaName(m.la_code)}, ${formatDecimal(m.km)} km)`)
    .join('; ');
}

function heading(ctx: ViewContext): HTMLElement[] {
  return [
    h('span', { class: 'govuk-caption-l' }, `${ctx.network.name}, as at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, 'Gap finder'),
  ];
}

/** "Show on map": the area on the map with the same region, phase and radius, measured by schools beyond. */
function mapLink(ctx: ViewContext, row: GapRow): HTMLElement {
  return link(
    ctx.nav,
    { view: 'map', area: row.la_code, metric: 'schools_beyond_km', at: null, member: null, sort: null },
    h('span', {}, 'Show on map', h('span', { class: 'govuk-visually-hidden' }, `: ${row.name}`)),
    { 'data-testid': 'show-on-map' },
  );
}

function areaNameIn(boundaries: Boundaries, code: string): string {
  return boundaries.areas.features.find((f) => f.properties.la_code === code)?.properties.name ?? code;
}

function gapColumns(ctx: ViewContext, boundaries: Boundaries | null): Column<GapRow>[] {
  const areaName = (code: string | null): string =>
    code ? (boundaries ? areaNameIn(boundaries, code) : code) : 'unknown area';
  // Hubs reach the areas they serve: no distance column, no nearest hub outside (each row's reason says who serves).
  const hubs = !ctx.network.members_are_schools;
  const [name, region, ...figures] = coverageColumns<GapRow>(ctx, [
    'name',
    'region',
    'members',
    'schools',
    'members_per_100_schools',
    ...(hubs ? [] : ['schools_beyond_km']),
  ]);
  // The area first: it heads each row, and each card on a phone.
  return [
    name!,
    { key: 'rank', label: 'Rank', numeric: true, value: (r) => r.rank },
    region!,
    { key: 'reason', label: 'Why it is listed', value: (r) => r.reason },
    ...figures,
    ...(hubs
      ? []
      : [
          {
            key: 'nearest',
            label: `Nearest ${membersLabel(ctx.network)} outside`,
            value: (r: GapRow) => nearest(r, areaName),
            sortable: false,
          },
        ]),
    { key: 'map', label: 'Map', value: () => null, sortable: false, cell: (r) => mapLink(ctx, r) },
  ];
}

/** Hubs reach the areas they serve: the words say so, and that a phase narrows the establishments, not the hubs. */
function hubIntro(ctx: ViewContext): HTMLElement {
  return h(
    'p',
    { class: 'govuk-body', 'data-testid': 'gaps-hub-reach' },
    'Council areas ranked by need: those no hub serves first, then the fewest hubs per establishment. A hub ' +
      'reaches the council areas its list names (or the part of one it names, said in each row): an ' +
      'establishment in a served area is served, and no distance is measured from a hub.' +
      (ctx.state.phase
        ? ` Phase does not filter hubs (a hub serves every phase): establishments of phase ${ctx.state.phase} only.`
        : ' Phase does not filter hubs (a hub serves every phase): a phase narrows the establishments counted.'),
  );
}

function intro(ctx: ViewContext): HTMLElement {
  const { network } = ctx;
  if (!network.members_are_schools) return hubIntro(ctx);
  return h(
    'p',
    { class: 'govuk-body' },
    `Council areas ranked by need: those with no ${network.member_label} first, then the fewest ` +
      `${membersLabel(network)} per school, then the most schools more than ${radiusOf(ctx)} km from the nearest ` +
      `${network.member_label}. The nearest ${membersLabel(network)} outside an area are measured from the ` +
      'area\u2019s own schools: each distance is to the nearest of them.' +
      `${ctx.state.phase ? ` Schools and ${membersLabel(network)} of phase ${ctx.state.phase} only.` : ''}`,
  );
}

function areasSection(
  ctx: ViewContext,
  gaps: Gaps & ListAnswer<GapRow>,
  boundaries: Boundaries | null,
  source: string,
) {
  const { network, state } = ctx;
  const columns = gapColumns(ctx, boundaries);
  const filters = filterWords(state.region, state.phase);
  return [
    h(
      'h2',
      { class: 'govuk-heading-m', 'data-testid': 'gaps-count', 'data-results': true, tabindex: -1 },
      `${formatInt(gaps.total)} council areas listed`,
    ),
    extractNote(gaps.establishments_extract, network.members_are_schools ? locatedOf(gaps.rows) : undefined),
    downloadButtons({
      name: fileSlug(network.id, 'gaps', state.region, state.phase, `${radiusOf(ctx)}km`, ctx.asAt),
      what: 'the gap finder table',
      about: {
        title: `${network.name}: council areas by need, ${filters}, ${radiusOf(ctx)} km`,
        date: `As at ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source,
      },
      csv: () =>
        toCsv(
          columns.filter((c) => c.key !== 'map'),
          gaps.rows,
        ),
    }),
    dataTable({
      caption: `Council areas by need, ${filters}, ${formatDate(ctx.asAt)}`,
      columns,
      rows: gaps.rows,
      sort: state.sort,
      onSort: (sort) => ctx.nav.go({ sort }, { replace: true }),
      testid: 'gaps-table',
      empty: 'No council areas match these filters.',
      cards: true,
    }),
  ];
}

export const view: View = async (ctx) => {
  const { network, state } = ctx;
  if (!hasMemberList(ctx))
    return { node: h('div', {}, ...heading(ctx), insetText(noListText(ctx), 'no-list')) };
  const asked = api.gaps({
    network: network.id,
    as_at: ctx.asAt,
    region: state.region,
    phase: state.phase,
    radius_km: radiusOf(ctx),
  });
  const [gaps, boundaries, source] = await Promise.all([
    asked,
    loadBoundaries(ctx.asAt).catch(() => null),
    sourcesOf(
      network,
      ctx.asAt,
      ['list', 'establishments', 'council-areas'],
      asked.then((g) => g.establishments_extract),
    ),
  ]);
  nameLinkRegion(ctx, boundaries);
  const regions = boundaries
    ? regionNames(boundaries)
    : [...new Set(gaps.rows.map((r) => r.region ?? ''))].filter(Boolean).sort();
  const node = h(
    'div',
    {},
    ...heading(ctx),
    intro(ctx),
    h(
      'div',
      { class: 'app-controls' },
      regionFilter(ctx.nav, regions, state.region),
      phaseFilter(ctx.nav, state.phase, 'Phase of schools'),
      ctx.network.members_are_schools ? radiusControl(ctx.nav, radiusOf(ctx)) : null,
    ),
    ...areasSection(ctx, gaps, boundaries, source),
    await reachSection(ctx, gaps.rows, source, (code) => (boundaries ? areaNameIn(boundaries, code) : code)),
  );
  return { node };
};
