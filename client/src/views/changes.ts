// Changes: between two member lists, joiners and leavers, group moves and coverage per area, and for hubs every
// area classified (continuing, renamed, another hub, new, ended, redrawn) with its evidence. A network with fewer
// than two lists shows the change in its published totals instead.
import { api, type SnapshotDiff, type SnapshotStats } from '../api.js';
import { capitalise, link, membersLabel, type View, type ViewContext } from '../context.js';
import { memberColumns } from '../columns.js';
import { networkSwitcher, option, selectField } from '../controls.js';
import { h } from '../dom.js';
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

function listPickers(ctx: ViewContext, dates: string[], from: string, to: string): HTMLElement {
  const pick = (name: string, testid: string, value: string, go: (v: string) => void): HTMLElement =>
    selectField(
      name,
      testid,
      dates.map((d) => option(d, formatDate(d), d === value)),
      go,
    );
  return h(
    'div',
    { class: 'app-controls' },
    pick('From', 'from-control', from, (v) => ctx.nav.go({ from: v })),
    pick('To', 'to-control', to, (v) => ctx.nav.go({ to: v })),
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
  const from = ctx.state.from && dates.includes(ctx.state.from) ? ctx.state.from : dates[dates.length - 2]!;
  const to = ctx.state.to && dates.includes(ctx.state.to) ? ctx.state.to : dates[dates.length - 1]!;
  const [diff, lists] = await Promise.all([
    api.diff(ctx.network.id, from, to),
    api.snapshots(ctx.network.id),
  ]);
  const filter = { current: ctx.state.tab, go: (tab: string | null) => ctx.nav.go({ tab }) };
  const node = h(
    'div',
    {},
    ...header(ctx),
    listPickers(ctx, dates, from, to),
    diff.hubs ? hubSummaryNode(diff.hubs, { from, to }, 'hub-changes-summary') : null,
    diff.hubs ? hubStepsTable(diff.hubs, 'hub-changes-steps') : null,
    diff.hubs ? hubAreasTable(diff.hubs, { from, to }, filter, 'hub-changes-areas') : null,
    summary(ctx, diff, from, to),
    listsTable(ctx, lists.rows),
    ...memberTables(ctx, diff, from, to),
  );
  return { node };
};
