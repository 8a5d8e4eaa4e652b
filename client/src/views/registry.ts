// Registry: search and browse members and groups, with filters and pagination; the download holds the whole list
// (every page) under the table's own headings, named after its filters.
import { api, type Group, type Member } from '../api.js';
import {
  capitalise,
  hasMemberList,
  link,
  membersLabel,
  plural,
  type View,
  type ViewContext,
} from '../context.js';
import { insetText, noListText } from '../messages.js';
import { RESULTS, filterWords, phaseFilter, regionFilter } from '../controls.js';
import { h, uid } from '../dom.js';
import { focusAfterRender } from '../focus.js';
import { downloadButtons, fileSlug } from '../download.js';
import { sourcesOf } from '../download/sources.js';
import { formatDate, formatInt } from '../format.js';
import { loadBoundaries, regionNames, type Boundaries } from '../map/boundaries.js';
import { pagination, showLastPageIfPast } from '../pagination.js';
import { dataTable, toCsv, type Column } from '../table.js';
import { memberColumns } from '../columns.js';
import { nameLinkRegion } from './region-named.js';

const PAGE_SIZE = 50;
type Tab = 'members' | 'groups';

function heading(ctx: ViewContext): HTMLElement[] {
  return [
    h('span', { class: 'govuk-caption-l' }, `${ctx.network.name}, as at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, 'Registry'),
  ];
}

function groupColumns(ctx: ViewContext): Column<Group>[] {
  const { network } = ctx;
  return [
    { key: 'name', label: capitalise(network.group_label ?? 'group'), value: (g) => g.name },
    { key: 'members', label: 'Number', numeric: true, value: (g) => g.members },
    {
      key: 'member_names',
      label: capitalise(membersLabel(network)),
      value: (g) => g.member_names.join('; '),
    },
    { key: 'areas', label: 'Council areas', numeric: true, value: (g) => g.la_codes.length },
  ];
}

function searchForm(ctx: ViewContext, tab: Tab): HTMLElement {
  const { network, state } = ctx;
  const id = uid('q');
  const search = h('input', {
    class: 'govuk-input govuk-!-width-full',
    id,
    name: 'q',
    type: 'search',
    value: state.q ?? '',
    'data-testid': 'search-input',
    autocomplete: 'off',
    'aria-describedby': `${id}-hint`,
  });
  const what = tab === 'members' ? membersLabel(network) : plural(network.group_label ?? 'group');
  const form = h(
    'form',
    { role: 'search', class: 'app-controls', 'data-testid': 'search-form' },
    h(
      'div',
      { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: id }, `Search ${what} by name`),
      h(
        'div',
        { class: 'govuk-hint', id: `${id}-hint` },
        'To find a place, use the search at the top of the page.',
      ),
      search,
    ),
    h('button', { type: 'submit', class: 'govuk-button govuk-!-margin-bottom-0' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // As Apply does: the form is drawn again, so focus goes to the results' heading, which says their count.
    focusAfterRender(RESULTS, RESULTS);
    ctx.nav.go({ q: search.value.trim() === '' ? null : search.value.trim() });
  });
  return form;
}

function tabs(ctx: ViewContext, tab: Tab): HTMLElement | null {
  const { network } = ctx;
  if (!network.group_label) return null;
  return h(
    'ul',
    { class: 'govuk-list app-controls', 'aria-label': 'Lists' },
    ...(['members', 'groups'] as const).map((t) => {
      const text =
        t === 'members' ? capitalise(membersLabel(network)) : capitalise(plural(network.group_label!));
      const a = link(ctx.nav, { tab: t === 'members' ? null : t, q: null }, text, {
        'data-testid': `tab-${t}`,
      });
      if (t === tab) a.setAttribute('aria-current', 'page');
      return h('li', {}, t === tab ? h('strong', {}, a) : a);
    }),
  );
}

function areaNamesOf(boundaries: Boundaries | null): ReadonlyMap<string, string> {
  return new Map(boundaries?.areas.features.map((f) => [f.properties.la_code, f.properties.name]) ?? []);
}

function scopeOf(ctx: ViewContext) {
  const { state } = ctx;
  return { network: ctx.network.id, as_at: ctx.asAt, region: state.region, phase: state.phase, q: state.q };
}

/** The list's CSV: every page of it (members and groups are well under a thousand a list). */
async function wholeListCsv(ctx: ViewContext, tab: Tab): Promise<string> {
  const scope = scopeOf(ctx);
  if (tab === 'members') {
    const all = await api.members({ ...scope, limit: 1000, offset: 0 });
    return toCsv(memberColumns<Member>(ctx), all.rows);
  }
  const all = await api.groups({ ...scope, limit: 1000, offset: 0 });
  return toCsv(groupColumns(ctx), all.rows ?? []);
}

function listTable(
  ctx: ViewContext,
  tab: Tab,
  caption: string,
  rows: (Member | Group)[],
  areaNames: ReadonlyMap<string, string>,
): HTMLElement {
  const common = { caption, testid: 'registry-table', empty: 'Nothing matches these filters.', cards: true };
  if (tab === 'groups') return dataTable({ ...common, columns: groupColumns(ctx), rows: rows as Group[] });
  // A hub has no home area but serves several: list those (and the code, lead school and list's own area).
  const members = rows as Member[];
  const keys =
    ctx.network.id === 'hubs'
      ? ['name', 'key', 'urn', 'serves', 'region', 'list_area']
      : ['name', 'urn', 'group', 'la_name', 'region', 'phase'];
  return dataTable({ ...common, columns: memberColumns<Member>(ctx, keys, areaNames), rows: members });
}

export const view: View = async (ctx) => {
  const { network, state } = ctx;
  if (!hasMemberList(ctx)) {
    return { node: h('div', {}, ...heading(ctx), insetText(noListText(ctx), 'no-list')) };
  }
  const tab: Tab = state.tab === 'groups' && network.group_label ? 'groups' : 'members';
  const offset = (state.page - 1) * PAGE_SIZE;
  const page = { ...scopeOf(ctx), limit: PAGE_SIZE, offset };
  const [list, boundaries, source] = await Promise.all([
    tab === 'members' ? api.members(page) : api.groups(page),
    loadBoundaries(ctx.asAt).catch(() => null),
    sourcesOf(network, ctx.asAt, ['list', 'establishments']),
  ]);
  nameLinkRegion(ctx, boundaries);
  const what = tab === 'members' ? membersLabel(network) : plural(network.group_label ?? 'group');
  const one = tab === 'members' ? network.member_label : (network.group_label ?? 'group');
  const listName = `${capitalise(what)}${state.q ? ` matching "${state.q}"` : ''}`;
  const filters = filterWords(state.region, tab === 'members' ? state.phase : null);
  // A network without groups has no groups tab: its null rows and total (groups_note says why) are never shown.
  const rows = list.rows ?? [];
  const total = list.total ?? 0;
  showLastPageIfPast(ctx, total, PAGE_SIZE);
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + rows.length, total);
  const node = h(
    'div',
    {},
    ...heading(ctx),
    tabs(ctx, tab),
    searchForm(ctx, tab),
    h(
      'div',
      { class: 'app-controls' },
      regionFilter(ctx.nav, boundaries ? regionNames(boundaries) : [], state.region),
      tab === 'members' ? phaseFilter(ctx.nav, state.phase) : null,
    ),
    h(
      'h2',
      { class: 'govuk-heading-m', 'data-testid': 'registry-heading', 'data-results': true, tabindex: -1 },
      `${formatInt(total)} ${total === 1 ? one : what}${state.q ? ` matching "${state.q}"` : ''}, ${filters}`,
    ),
    // Not a status of its own: the heading above, said when a search moves focus there, gives the count.
    h(
      'p',
      { class: 'govuk-body', 'data-testid': 'registry-count' },
      total === 0
        ? 'Nothing matches.'
        : `Showing ${formatInt(from)} to ${formatInt(to)} of ${formatInt(total)}.`,
    ),
    downloadButtons({
      name: fileSlug(
        network.id,
        tab,
        state.region,
        tab === 'members' ? state.phase : null,
        state.q,
        ctx.asAt,
      ),
      what: 'the whole list',
      about: {
        title: `${network.name} registry: ${listName}, ${filters}`,
        date: `As at ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source,
      },
      csv: () => wholeListCsv(ctx, tab),
    }),
    listTable(ctx, tab, listName, rows, areaNamesOf(boundaries)),
    pagination(ctx, total, PAGE_SIZE),
  );
  return { node };
};
