// Registry: search and browse members and groups, with filters, pagination and the API's CSV of the whole list.
import { api, csvUrl, type Group, type Member } from '../api.js';
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
import { filterWords, phaseFilter, regionFilter } from '../controls.js';
import { h, uid } from '../dom.js';
import { downloadButtons, fileSlug } from '../download.js';
import { formatDate, formatInt } from '../format.js';
import { loadBoundaries, regionNames } from '../map/boundaries.js';
import { dataTable, type Column } from '../table.js';
import { memberColumns } from '../columns.js';

const PAGE_SIZE = 50;

function pagination(ctx: ViewContext, total: number): HTMLElement | null {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(ctx.state.page, pages);
  if (pages <= 1) return null;
  const items: HTMLElement[] = [];
  const prev =
    page > 1
      ? h(
          'div',
          { class: 'govuk-pagination__prev' },
          link(
            ctx.nav,
            { page: page - 1 },
            h(
              'span',
              { class: 'govuk-pagination__link-title' },
              'Previous',
              h('span', { class: 'govuk-visually-hidden' }, ' page'),
            ),
            { class: 'govuk-link govuk-pagination__link', rel: 'prev' },
          ),
        )
      : null;
  const next =
    page < pages
      ? h(
          'div',
          { class: 'govuk-pagination__next' },
          link(
            ctx.nav,
            { page: page + 1 },
            h(
              'span',
              { class: 'govuk-pagination__link-title' },
              'Next',
              h('span', { class: 'govuk-visually-hidden' }, ' page'),
            ),
            { class: 'govuk-link govuk-pagination__link', rel: 'next' },
          ),
        )
      : null;
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  let last = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p > last + 1)
      items.push(h('li', { class: 'govuk-pagination__item govuk-pagination__item--ellipses' }, '⋯'));
    const current = p === page;
    const a = link(ctx.nav, { page: p }, String(p), {
      class: 'govuk-link govuk-pagination__link',
      'aria-label': `Page ${p}`,
    });
    if (current) a.setAttribute('aria-current', 'page');
    items.push(
      h('li', { class: `govuk-pagination__item${current ? ' govuk-pagination__item--current' : ''}` }, a),
    );
    last = p;
  }
  return h(
    'nav',
    { class: 'govuk-pagination', 'aria-label': 'Pages', 'data-testid': 'pagination' },
    prev,
    h('ul', { class: 'govuk-pagination__list' }, ...items),
    next,
  );
}

export const view: View = async (ctx) => {
  const { network, state } = ctx;
  const label = membersLabel(network);
  if (!hasMemberList(ctx)) {
    return {
      node: h(
        'div',
        {},
        h('span', { class: 'govuk-caption-l' }, `${network.name}, as at ${formatDate(ctx.asAt)}`),
        h('h1', { class: 'govuk-heading-l' }, 'Registry'),
        insetText(noListText(ctx), 'no-list'),
      ),
    };
  }
  const tab = state.tab === 'groups' && network.group_label ? 'groups' : 'members';
  const offset = (state.page - 1) * PAGE_SIZE;
  const scope = {
    network: network.id,
    as_at: ctx.asAt,
    region: state.region,
    phase: state.phase,
    q: state.q,
  };
  const [list, boundaries] = await Promise.all([
    tab === 'members'
      ? api.members({ ...scope, limit: PAGE_SIZE, offset })
      : api.groups({ ...scope, limit: PAGE_SIZE, offset }),
    loadBoundaries().catch(() => null),
  ]);
  const regions = boundaries ? regionNames(boundaries) : [];

  const search = h('input', {
    class: 'govuk-input govuk-!-width-full',
    id: uid('q'),
    name: 'q',
    type: 'search',
    value: state.q ?? '',
    'data-testid': 'search-input',
    autocomplete: 'off',
  });
  const form = h(
    'form',
    { role: 'search', class: 'app-controls', 'data-testid': 'search-form' },
    h(
      'div',
      { class: 'govuk-form-group' },
      h(
        'label',
        { class: 'govuk-label', for: search.id },
        `Search ${tab === 'members' ? label : plural(network.group_label ?? 'group')} by name`,
      ),
      search,
    ),
    h('button', { type: 'submit', class: 'govuk-button govuk-!-margin-bottom-0' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.nav.go({ q: search.value.trim() === '' ? null : search.value.trim() });
  });

  const areaNames = new Map(
    boundaries?.areas.features.map((f) => [f.properties.la_code, f.properties.name]) ?? [],
  );
  // A hub has no home area but serves several: list those (and the code, lead school and list's own area).
  const memberCols = memberColumns<Member>(
    ctx,
    network.id === 'hubs'
      ? ['name', 'key', 'urn', 'serves', 'region', 'list_area']
      : ['name', 'urn', 'group', 'la_name', 'region', 'phase'],
    areaNames,
  );
  const groupColumns: Column<Group>[] = [
    { key: 'name', label: capitalise(network.group_label ?? 'group'), value: (g) => g.name },
    { key: 'members', label: 'Number', numeric: true, value: (g) => g.members },
    { key: 'member_names', label: capitalise(label), value: (g) => g.member_names.join('; ') },
    { key: 'areas', label: 'Council areas', numeric: true, value: (g) => g.la_codes.length },
  ];

  const tabs = network.group_label
    ? h(
        'ul',
        { class: 'govuk-list app-controls', 'aria-label': 'Lists' },
        ...(['members', 'groups'] as const).map((t) => {
          const text = t === 'members' ? capitalise(label) : capitalise(plural(network.group_label!));
          const a = link(ctx.nav, { tab: t === 'members' ? null : t, q: null }, text, {
            'data-testid': `tab-${t}`,
          });
          if (t === tab) a.setAttribute('aria-current', 'page');
          return h('li', {}, t === tab ? h('strong', {}, a) : a);
        }),
      )
    : null;

  const csvParams = {
    network: network.id,
    as_at: ctx.asAt,
    region: state.region,
    phase: state.phase,
    q: state.q,
  };
  const listName =
    `${capitalise(tab === 'members' ? label : plural(network.group_label ?? 'group'))}` +
    `${state.q ? ` matching "${state.q}"` : ''}`;
  const filters = filterWords(state.region, tab === 'members' ? state.phase : null);
  const listCsv = csvUrl(tab === 'members' ? 'members' : 'groups', csvParams);
  const from = list.total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + list.rows.length, list.total);
  const node = h(
    'div',
    {},
    h('span', { class: 'govuk-caption-l' }, `${network.name}, as at ${formatDate(ctx.asAt)}`),
    h('h1', { class: 'govuk-heading-l' }, 'Registry'),
    tabs,
    form,
    h(
      'div',
      { class: 'app-controls' },
      regionFilter(ctx.nav, regions, state.region),
      tab === 'members' ? phaseFilter(ctx.nav, state.phase) : null,
    ),
    h(
      'p',
      { class: 'govuk-body', 'data-testid': 'registry-count', role: 'status' },
      list.total === 0
        ? 'Nothing matches.'
        : `Showing ${formatInt(from)} to ${formatInt(to)} of ${formatInt(list.total)}.`,
    ),
    h(
      'p',
      { class: 'govuk-body' },
      h(
        'a',
        {
          class: 'govuk-link',
          href: listCsv,
          download: '',
          'data-testid': 'download-csv',
        },
        `Download the whole list as CSV`,
      ),
    ),
    downloadButtons({
      name: fileSlug(tab, network.id, ctx.asAt),
      what: 'the whole list',
      about: {
        title: `${network.name} registry: ${listName}, ${filters}`,
        date: `As at ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source: 'member lists imported from DfE and NCTL data, with GIAS establishments',
      },
      csvUrl: listCsv,
    }),
    tab === 'members'
      ? dataTable({
          caption: listName,
          columns: memberCols,
          rows: list.rows as Member[],
          testid: 'registry-table',
          empty: 'Nothing matches these filters.',
        })
      : dataTable({
          caption: listName,
          columns: groupColumns,
          rows: list.rows as Group[],
          testid: 'registry-table',
          empty: 'Nothing matches these filters.',
        }),
    pagination(ctx, list.total),
  );
  return { node };
};
