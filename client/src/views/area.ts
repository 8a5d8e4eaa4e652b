// Area profile: the council area on a locator map, its figures, members and groups, its schools by phase, its
// neighbours' coverage, the nearest members outside it, and its history over the member lists. Each a section.
import {
  api,
  type AreaHistoryPoint,
  type AreaProfile,
  type Coverage,
  type CoverageRow,
  type ListAnswer,
  type NearbyMember,
} from '../api.js';
import { coverageColumns, memberColumns, radiusOf } from '../columns.js';
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
import { sourcesOf } from '../download/sources.js';
import { formatDate, formatDecimal, formatInt } from '../format.js';
import { loadBoundaries, type Boundaries } from '../map/boundaries.js';
import { insetText, noListText } from '../messages.js';
import { dataTable, toCsv, type Column } from '../table.js';
import { locatorFigure } from './area/locator.js';
import { extractNote, locatedOf } from './extract-note.js';

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
      ', in the ',
      link(ctx.nav, { view: 'gaps' }, 'gap finder'),
      ' or with the search at the top of the page.',
    ),
  );
}

function back(ctx: ViewContext, laCode: string): HTMLElement {
  return link(ctx.nav, { view: 'map', area: laCode }, 'Back to the map', { class: 'govuk-back-link' });
}

/** No member list on the date: the API has no profile to give; the area is still named and drawn. */
async function withoutList(ctx: ViewContext, laCode: string): Promise<HTMLElement> {
  const [boundaries, source] = await Promise.all([
    loadBoundaries(ctx.asAt).catch(() => null),
    sourcesOf(ctx.network, ctx.asAt, ['boundaries']),
  ]);
  const feature = boundaries?.areas.features.find((f) => f.properties.la_code === laCode);
  const name = feature?.properties.name ?? `Council area ${laCode}`;
  return h(
    'div',
    {},
    back(ctx, laCode),
    h(
      'span',
      { class: 'govuk-caption-l' },
      `${feature?.properties.region_name ?? 'Council area'}, LA code ${laCode}`,
    ),
    h('h1', { class: 'govuk-heading-l', 'data-testid': 'area-name' }, name),
    insetText(noListText(ctx), 'no-list'),
    locatorFigure(ctx, { laCode, name, rows: [], row: null, boundaries, csv: () => '', source }),
  );
}

function headlines(ctx: ViewContext, row: CoverageRow): HTMLElement {
  const { network } = ctx;
  const label = membersLabel(network);
  return h(
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
          `schools more than ${radiusOf(ctx)} km from a ${network.member_label}`,
          'area-beyond',
        ),
  );
}

function groupsList(ctx: ViewContext, profile: AreaProfile): HTMLElement | null {
  const { network } = ctx;
  if (profile.groups === null || profile.groups.length === 0) return null;
  const label = membersLabel(network);
  return h(
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
      ...profile.groups.map((g) =>
        h(
          'li',
          {},
          `${g.name} (${formatInt(g.members_here)} ${g.members_here === 1 ? network.member_label : label} here)`,
        ),
      ),
    ),
  );
}

function nearbyColumns(ctx: ViewContext, areaName: (code: string | null) => string): Column<NearbyMember>[] {
  return [
    { key: 'name', label: capitalise(ctx.network.member_label), value: (m) => m.name },
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
}

const PHASE_COLUMNS: Column<PhaseCount>[] = [
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
    cell: (p) => (p.pupils === null ? 'not known' : formatInt(p.pupils)),
  },
];

function historyColumns(ctx: ViewContext): Column<AreaHistoryPoint>[] {
  return [
    { key: 'as_at', label: 'Member list of', value: (p) => p.as_at, cell: (p) => formatDate(p.as_at) },
    {
      key: 'members',
      label: capitalise(membersLabel(ctx.network)),
      numeric: true,
      value: (p) => p.members,
      cell: (p) => formatInt(p.members),
    },
  ];
}

/** The tables of the profile: members, groups, nearest members outside, schools by phase, history. */
function tables(
  ctx: ViewContext,
  profile: AreaProfile,
  areaName: (code: string | null) => string,
): (HTMLElement | null)[] {
  const label = membersLabel(ctx.network);
  return [
    dataTable({
      caption: `${capitalise(label)} serving ${profile.name}`,
      columns: memberColumns<AreaProfile['members'][number]>(
        ctx,
        ctx.network.id === 'hubs' ? ['name', 'key', 'urn'] : ['name', 'urn', 'group', 'phase'],
      ),
      rows: profile.members,
      testid: 'area-members-table',
      empty: `No ${ctx.network.member_label} serves this area.`,
      cards: true,
    }),
    groupsList(ctx, profile),
    profile.nearest_members_outside.length > 0
      ? dataTable({
          caption: `Nearest ${label} outside ${profile.name} (from the nearest of its schools)`,
          columns: nearbyColumns(ctx, areaName),
          rows: profile.nearest_members_outside,
          testid: 'area-nearby',
        })
      : null,
    dataTable({
      caption: 'Open establishments by phase',
      columns: PHASE_COLUMNS,
      rows: profile.schools_by_phase,
      testid: 'area-schools-table',
    }),
    profile.history.length > 0
      ? dataTable({
          caption: `History over the ${profile.history.length} member list${profile.history.length === 1 ? '' : 's'} held (what happened between lists is not known)`,
          columns: historyColumns(ctx),
          rows: profile.history,
          testid: 'area-history',
        })
      : null,
  ];
}

type ProfileData = [AreaProfile, Coverage & ListAnswer<CoverageRow>, Boundaries | null, string];

/** The locator map beside the table of neighbours: both about the area among the areas around it. */
function mapAndNeighbours(
  ctx: ViewContext,
  [profile, coverage, boundaries, source]: ProfileData,
): HTMLElement {
  const row = profile.coverage;
  const columns = coverageColumns<AreaProfile['neighbours'][number]>(ctx, ['name', 'members', 'covered']);
  const csv = () => toCsv(columns, [{ ...row, adjacent: false, km: null }, ...profile.neighbours]);
  const locator = locatorFigure(ctx, {
    laCode: profile.la_code,
    name: profile.name,
    rows: coverage.rows,
    row,
    boundaries,
    csv,
    source,
  });
  const neighbours =
    profile.neighbours.length > 0
      ? dataTable({
          caption: 'Neighbouring areas',
          columns,
          rows: profile.neighbours,
          testid: 'neighbours-table',
        })
      : h('p', { class: 'govuk-body' }, 'No neighbouring areas are listed.');
  return h(
    'div',
    { class: 'govuk-grid-row' },
    h('div', { class: 'govuk-grid-column-one-half' }, locator),
    h('div', { class: 'govuk-grid-column-one-half' }, neighbours),
  );
}

/** The areas before and after this one, linked; and, when it was not in force on the date, when and why not. */
function lifetime(ctx: ViewContext, profile: AreaProfile): HTMLElement[] {
  const linked = (areas: { la_code: string; name: string }[]) =>
    areas.flatMap((a, i) => [
      ...(i === 0 ? [] : [i === areas.length - 1 ? ' and ' : ', ']),
      link(ctx.nav, { view: 'area', area: a.la_code }, a.name),
    ]);
  const { valid_from, valid_to, predecessors, successors } = profile.lifetime;
  const lines: HTMLElement[] = [];
  if (!profile.in_force && profile.lifetime_note) lines.push(insetText(profile.lifetime_note));
  if (predecessors.length > 0 && valid_from) {
    lines.push(
      h(
        'p',
        { class: 'govuk-body', 'data-testid': 'area-predecessors' },
        `In force from ${formatDate(valid_from)}; it replaced `,
        ...linked(predecessors),
        '.',
      ),
    );
  }
  if (successors.length > 0 && valid_to) {
    lines.push(
      h(
        'p',
        { class: 'govuk-body', 'data-testid': 'area-successors' },
        `Ended on ${formatDate(valid_to)}; replaced by `,
        ...linked(successors),
        '.',
      ),
    );
  }
  return lines;
}

async function withList(ctx: ViewContext, laCode: string): Promise<HTMLElement> {
  const scope = { network: ctx.network.id, as_at: ctx.asAt, radius_km: radiusOf(ctx) };
  const profiled = api.councilArea(laCode, scope);
  const data: ProfileData = await Promise.all([
    profiled,
    api.coverage(scope),
    loadBoundaries(ctx.asAt).catch(() => null),
    sourcesOf(
      ctx.network,
      ctx.asAt,
      ['list', 'establishments', 'boundaries'],
      profiled.then((p) => p.establishments_extract),
    ),
  ]);
  // An area not in force on the date is drawn among the areas of its own last (or first) day.
  if (!data[0].in_force) data[2] = await loadBoundaries(data[0].areas_as_at).catch(() => null);
  const [profile, coverage] = data;
  const names = new Map(coverage.rows.map((r) => [r.la_code, r.name]));
  const areaName = (code: string | null): string => (code && names.get(code)) ?? code ?? 'unknown area';
  return h(
    'div',
    {},
    back(ctx, laCode),
    h(
      'span',
      { class: 'govuk-caption-l' },
      `${profile.region ?? 'Council area'}, LA code ${profile.la_code}`,
    ),
    h('h1', { class: 'govuk-heading-l', 'data-testid': 'area-name' }, profile.name),
    ...lifetime(ctx, profile),
    h(
      'p',
      { class: 'govuk-body' },
      `${ctx.network.name} as at ${formatDate(ctx.asAt)}. Ranked ${formatInt(profile.rank_by_need)} of ` +
        `${formatInt(profile.areas_ranked)} council areas by need (1 = most in need).`,
    ),
    headlines(ctx, profile.coverage),
    extractNote(
      profile.establishments_extract,
      ctx.network.members_are_schools ? locatedOf([profile.coverage]) : undefined,
    ),
    mapAndNeighbours(ctx, data),
    ...tables(ctx, profile, areaName),
  );
}

export const view: View = async (ctx) => {
  const laCode = ctx.state.area;
  if (!laCode) return { node: chooseAnArea(ctx) };
  return { node: hasMemberList(ctx) ? await withList(ctx, laCode) : await withoutList(ctx, laCode) };
};
