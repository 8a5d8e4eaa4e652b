// Changes: between two member lists, joiners and leavers, group moves and coverage per area, and for hubs every
// area classified (continuing, renamed, another hub, new, ended, redrawn) with its evidence. A network with fewer
// than two lists shows the change in its published totals instead.
import { api, type SnapshotDiff, type SnapshotStats } from '../api.js';
import { capitalise, link, membersLabel, type View, type ViewContext } from '../context.js';
import { memberColumns } from '../columns.js';
import { networkSwitcher } from '../controls.js';
import { h, uid } from '../dom.js';
import { counted, formatDate, formatInt } from '../format.js';
import { dataTable, type Column } from '../table.js';
import { hubAreasTable, hubStepsTable, hubSummaryNode } from './changes/hub-areas.js';
import { totalsChange } from './changes/totals.js';

type Move = NonNullable<SnapshotDiff['group_moves']>[number];
type AreaChange = SnapshotDiff['area_changes'][number];
type Joiner = SnapshotDiff['joiners'][number];

function header(ctx: ViewContext): HTMLElement[] {
  return [
    h('span', { class: 'govuk-caption-l' }, ctx.network.name),
    h('h1', { class: 'govuk-heading-l' }, 'Changes between member lists'),
    h(
      'div',
      { class: 'app-controls' },
      networkSwitcher(ctx.nav, ctx.meta.networks, ctx.network.id, () => null),
    ),
  ];
}

function noListsWhy(ctx: ViewContext, dates: string[]): string {
  const label = membersLabel(ctx.network);
  return dates.length === 0
    ? `No member list of ${label} is held, so no list can be compared with another.`
    : `Only one member list of ${label} is held (${formatDate(dates[0])}), so no list can be compared with another.`;
}

/**
 * Any two dates from the first list on (a list answers each day from its own to the next list's): a date field
 * each, with the lists' dates offered, and which list answers each date said beneath.
 */
function datePickers(ctx: ViewContext, dates: string[], from: string, to: string): HTMLElement {
  const listId = uid('list-dates');
  const pick = (label: string, testid: string, value: string, go: (v: string) => void): HTMLElement => {
    const id = uid(testid);
    const input = h('input', {
      class: 'govuk-input govuk-input--width-10',
      id,
      type: 'date',
      name: testid,
      min: dates[0]!,
      list: listId,
      value,
      'data-testid': testid,
    });
    input.addEventListener('change', () => {
      if (ISO_DAY.test(input.value) && input.value >= dates[0]!) go(input.value);
    });
    return h(
      'div',
      { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: id }, label),
      input,
    );
  };
  return h(
    'div',
    { class: 'app-controls' },
    h('datalist', { id: listId }, ...dates.map((d) => h('option', { value: d }, formatDate(d)))),
    pick('From', 'from-control', from, (v) => ctx.nav.go({ from: v })),
    pick('To', 'to-control', to, (v) => ctx.nav.go({ to: v })),
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The list answering a date: 'its own list', or 'the list of 1 September 2021 (122 days earlier)'. */
function answeredBy(side: { as_at: string; snapshot_as_at: string }): string {
  const days = Math.round((Date.parse(side.as_at) - Date.parse(side.snapshot_as_at)) / 86_400_000);
  if (days === 0) return 'its own list';
  return `the list of ${formatDate(side.snapshot_as_at)} (${counted(days, 'day')} earlier)`;
}

function answeredNote(diff: SnapshotDiff): HTMLElement {
  return h(
    'p',
    { class: 'govuk-body', 'data-testid': 'changes-answered' },
    `${formatDate(diff.from.as_at)} is answered by ${answeredBy(diff.from)}; ${formatDate(diff.to.as_at)} by ` +
      `${answeredBy(diff.to)}.${diff.note ? ` ${diff.note}` : ''}`,
  );
}

/** Each list held, with the council areas it covers of England's 152. */
function listsTable(ctx: ViewContext, lists: SnapshotStats[]): HTMLElement {
  const columns: Column<SnapshotStats>[] = [
    { key: 'as_at', label: 'List as at', value: (s) => s.as_at, cell: (s) => formatDate(s.as_at) },
    { key: 'members', label: capitalise(membersLabel(ctx.network)), numeric: true, value: (s) => s.members },
    {
      key: 'covered',
      label: 'Council areas covered (of 152)',
      numeric: true,
      value: (s) => s.council_areas_covered,
    },
    { key: 'file_name', label: 'File', value: (s) => s.file_name },
  ];
  return dataTable({ caption: 'Member lists held', columns, rows: lists, testid: 'changes-lists' });
}

function areaColumns(ctx: ViewContext, from: string, to: string): Column<AreaChange>[] {
  return [
    {
      key: 'name',
      label: 'Council area',
      value: (a) => a.name,
      cell: (a) => link(ctx.nav, { view: 'area', area: a.la_code }, a.name),
    },
    { key: 'from', label: formatDate(from), numeric: true, value: (a) => a.from_members },
    { key: 'to', label: formatDate(to), numeric: true, value: (a) => a.to_members },
    { key: 'change', label: 'Change', numeric: true, value: (a) => a.change },
    { key: 'coverage', label: 'Coverage', value: (a) => a.coverage, cell: (a) => a.coverage ?? 'unchanged' },
  ];
}

function memberTables(ctx: ViewContext, diff: SnapshotDiff, from: string, to: string): HTMLElement[] {
  const memberCols = memberColumns<Joiner>(ctx, ['name', 'group', 'la_name']);
  const moveColumns: Column<Move>[] = [
    { key: 'name', label: capitalise(ctx.network.member_label), value: (m) => m.name },
    { key: 'from_group', label: 'From', value: (m) => m.from_group },
    { key: 'to_group', label: 'To', value: (m) => m.to_group },
  ];
  return [
    dataTable({ caption: 'Joiners', columns: memberCols, rows: diff.joiners, empty: 'None.' }),
    dataTable({ caption: 'Leavers', columns: memberCols, rows: diff.leavers, empty: 'None.' }),
    diff.group_moves !== null
      ? dataTable({
          caption: 'Moved to another group',
          columns: moveColumns,
          rows: diff.group_moves,
          empty: 'None.',
        })
      : null,
    dataTable({
      caption: 'Council areas whose count changed',
      columns: areaColumns(ctx, from, to),
      rows: diff.area_changes,
      empty: 'None.',
    }),
  ].filter((node): node is HTMLElement => node !== null);
}

function summary(ctx: ViewContext, diff: SnapshotDiff, from: string, to: string): HTMLElement {
  const moved = diff.group_moves === null ? '' : `; ${formatInt(diff.group_moves.length)} moved group`;
  return h(
    'p',
    { class: diff.hubs ? 'govuk-body' : 'govuk-body-l', 'data-testid': 'changes-summary' },
    `${counted(diff.joiners.length, 'joiner')} and ${counted(diff.leavers.length, 'leaver')} between ` +
      `${formatDate(from)} and ${formatDate(to)}${moved}. ` +
      `Council areas covered: ${formatInt(diff.council_areas_covered.from)} then ` +
      `${formatInt(diff.council_areas_covered.to)}.`,
  );
}

export const view: View = async (ctx) => {
  const dates = [...ctx.network.snapshot_dates].sort();
  if (dates.length < 2) {
    return { node: h('div', {}, ...header(ctx), ...(await totalsChange(ctx, noListsWhy(ctx, dates)))) };
  }
  // Any day from the first list on; a list answers each day until the next (the API says which).
  const day = (d: string | null, fallback: string) => (d !== null && d >= dates[0]! ? d : fallback);
  const from = day(ctx.state.from, dates[dates.length - 2]!);
  const to = day(ctx.state.to, dates[dates.length - 1]!);
  const [diff, lists] = await Promise.all([
    api.diff(ctx.network.id, from, to),
    api.snapshots(ctx.network.id),
  ]);
  const filter = { current: ctx.state.tab, go: (tab: string | null) => ctx.nav.go({ tab }) };
  // The lists compared: those answering the two dates.
  const compared = { from: diff.from.snapshot_as_at, to: diff.to.snapshot_as_at };
  const node = h(
    'div',
    {},
    ...header(ctx),
    datePickers(ctx, dates, from, to),
    answeredNote(diff),
    diff.hubs ? hubSummaryNode(diff.hubs, compared, 'hub-changes-summary') : null,
    diff.hubs
      ? hubStepsTable(diff.hubs, 'hub-changes-steps', (step) =>
          link(
            ctx.nav,
            { from: step.from, to: step.to, tab: null },
            // Short on the page; its full name for a screen reader and in the table's text.
            h(
              'span',
              {},
              'Open',
              h(
                'span',
                { class: 'govuk-visually-hidden' },
                ` the step from ${formatDate(step.from)} to ${formatDate(step.to)}`,
              ),
            ),
          ),
        )
      : null,
    diff.hubs ? hubAreasTable(diff.hubs, compared, filter, 'hub-changes-areas') : null,
    summary(ctx, diff, from, to),
    listsTable(ctx, lists.rows),
    ...memberTables(ctx, diff, from, to),
  );
  return { node };
};
