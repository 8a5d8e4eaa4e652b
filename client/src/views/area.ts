// Area profile: the council area on a locator map, its figures, members and groups, its neighbours' coverage and
// its history over the snapshots.
import { api, type AreaHistoryPoint, type CoverageRow } from '../api.js';
import { capitalise, hasMemberList, link, membersLabel, plural, type View } from '../context.js';
import { h } from '../dom.js';
import { downloadButtons, fileSlug, framedSvg } from '../download.js';
import { formatDate, formatDecimal, formatInt } from '../format.js';
import { loadBoundaries } from '../map/boundaries.js';
import { choroplethSvg } from '../map/choropleth-svg.js';
import { colourScale, metricValue } from '../map/scale.js';
import { insetText } from '../messages.js';
import { dataTable, toCsv, type Column } from '../table.js';
import { legendList } from './map.js';
import { coverageColumns, memberColumns, RADIUS_KM } from '../columns.js';

function card(figure: string, label: string, testid: string): HTMLElement {
  return h(
    'div',
    { class: 'app-card', 'data-testid': testid },
    h('p', { class: 'app-card__figure' }, figure),
    h('p', { class: 'app-card__label' }, label),
  );
}

export const view: View = async (ctx) => {
  const { network, state } = ctx;
  if (!state.area) {
    return {
      node: h(
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
      ),
    };
  }
  const label = membersLabel(network);
  const [profile, coverage, boundaries] = await Promise.all([
    api.councilArea(state.area, { network: network.id, as_at: ctx.asAt }),
    hasMemberList(ctx)
      ? api.coverage({ network: network.id, as_at: ctx.asAt })
      : { rows: [] as CoverageRow[] },
    loadBoundaries().catch(() => null),
  ]);
  const words = { member: network.member_label, members: label, radiusKm: RADIUS_KM };
  const byCode = new Map(coverage.rows.map((r) => [r.la_code, r]));
  const row: CoverageRow = byCode.get(profile.la_code) ?? profile;
  const memberList = profile.member_list ?? [];
  const groupList = profile.group_list ?? [];
  const neighbours = (profile.neighbours ?? []).map((n) => byCode.get(n.la_code) ?? n);
  const history = profile.history ?? [];

  const scale = colourScale(coverage.rows, 'covered', words);
  const locator = (): SVGSVGElement | null =>
    boundaries && boundaries.areas.features.some((f) => f.properties.la_code === profile.la_code)
      ? choroplethSvg({
          title: `${profile.name} and its neighbours`,
          description: `${profile.name} outlined in black; areas coloured by whether they have a ${network.member_label}.`,
          areas: boundaries.areas,
          regions: boundaries.regions,
          values: new Map(coverage.rows.map((r) => [r.la_code, metricValue(r, 'covered')])),
          scale,
          focus: profile.la_code,
          legend: false,
          width: 360,
          height: 360,
        })
      : null;
  const locatorSvg = locator();

  const memberCols = memberColumns(ctx, ['name', 'urn', 'group', 'phase', 'type']);
  const neighbourColumns = coverageColumns(ctx, ['name', 'members', 'covered']);
  const historyColumns: Column<AreaHistoryPoint>[] = [
    { key: 'as_at', label: 'Member list of', value: (p) => p.as_at, cell: (p) => formatDate(p.as_at) },
    {
      key: 'members',
      label: capitalise(label),
      numeric: true,
      value: (p) => p.members,
      cell: (p) => formatInt(p.members),
    },
    {
      key: 'groups',
      label: network.group_label ? capitalise(plural(network.group_label)) : 'Groups',
      numeric: true,
      value: (p) => p.groups,
      cell: (p) => formatInt(p.groups),
    },
  ];

  const node = h(
    'div',
    {},
    link(ctx.nav, { view: 'map', area: profile.la_code }, 'Back to the map', { class: 'govuk-back-link' }),
    h(
      'span',
      { class: 'govuk-caption-l' },
      `${profile.region ?? 'Council area'}, LA code ${profile.la_code}`,
    ),
    h('h1', { class: 'govuk-heading-l', 'data-testid': 'area-name' }, profile.name),
    h('p', { class: 'govuk-body' }, `${network.name} as at ${formatDate(ctx.asAt)}.`),
    h(
      'div',
      { class: 'app-headlines', 'data-testid': 'area-headlines' },
      card(formatInt(row.members), label, 'area-members'),
      network.group_label ? card(formatInt(row.groups), plural(network.group_label), 'area-groups') : null,
      card(formatInt(row.schools), 'open schools', 'area-schools'),
      card(formatDecimal(row.members_per_100_schools), `${label} per 100 schools`, 'area-per-100'),
      card(
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
        locatorSvg
          ? h(
              'figure',
              { class: 'app-figure', 'data-testid': 'area-locator' },
              locatorSvg,
              legendList(scale),
              downloadButtons({
                name: fileSlug(network.id, profile.name, ctx.asAt),
                what: `the map of ${profile.name}`,
                image: () =>
                  framedSvg(locator()!, {
                    title: `${profile.name}: ${label}`,
                    date: `As at ${formatDate(ctx.asAt)}`,
                    dataVersion: ctx.meta.dataVersion,
                    source: 'member lists and ONS boundaries',
                  }),
                csv: () => toCsv(neighbourColumns, [row, ...neighbours]),
              }),
            )
          : insetText('No boundary is held for this area.'),
      ),
      h(
        'div',
        { class: 'govuk-grid-column-one-half' },
        neighbours.length > 0
          ? dataTable({
              caption: 'Neighbouring areas',
              columns: neighbourColumns,
              rows: neighbours,
              testid: 'neighbours-table',
            })
          : h('p', { class: 'govuk-body' }, 'No neighbouring areas are listed.'),
      ),
    ),
    dataTable({
      caption: `${capitalise(label)} in ${profile.name}`,
      columns: memberCols,
      rows: memberList,
      testid: 'area-members-table',
      empty:
        row.members === null
          ? 'No member list is held for this date.'
          : `No ${network.member_label} in this area.`,
    }),
    groupList.length > 0
      ? h(
          'section',
          {},
          h(
            'h2',
            { class: 'govuk-heading-m' },
            network.group_label ? capitalise(plural(network.group_label)) : 'Groups',
          ),
          h(
            'ul',
            { class: 'govuk-list govuk-list--bullet' },
            ...groupList.map((g) =>
              h(
                'li',
                {},
                `${g.name} (${formatInt(g.members)} ${g.members === 1 ? network.member_label : label} in this area)`,
              ),
            ),
          ),
        )
      : null,
    history.length > 0
      ? dataTable({
          caption: 'History over the member lists',
          columns: historyColumns,
          rows: history,
          testid: 'area-history',
        })
      : null,
  );
  return { node };
};
