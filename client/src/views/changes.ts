// Changes: joiners and leavers, group moves and coverage change between two member lists, when there are two.
import { api, type SnapshotDiff } from '../api.js';
import { capitalise, link, membersLabel, type View } from '../context.js';
import { memberColumns } from '../columns.js';
import { networkSwitcher, option, selectField } from '../controls.js';
import { h } from '../dom.js';
import { counted, formatDate, formatInt } from '../format.js';
import { insetText } from '../messages.js';
import { dataTable, type Column } from '../table.js';

type Move = NonNullable<SnapshotDiff['group_moves']>[number];
type AreaChange = SnapshotDiff['area_changes'][number];
type Joiner = SnapshotDiff['joiners'][number];

export const view: View = async (ctx) => {
  const { network, state } = ctx;
  const label = membersLabel(network);
  const dates = [...network.snapshot_dates].sort();
  const switcher = h(
    'div',
    { class: 'app-controls' },
    networkSwitcher(ctx.nav, ctx.meta.networks, network.id, () => null),
  );
  const heading = [
    h('span', { class: 'govuk-caption-l' }, network.name),
    h('h1', { class: 'govuk-heading-l' }, 'Changes between member lists'),
  ];
  if (dates.length < 2) {
    const text =
      dates.length === 0
        ? `No member list of ${label} is held, so there are no changes to show.`
        : `Only one member list of ${label} is held (${formatDate(dates[0])}), so there are no changes to show. ` +
          'Importing a second list makes joiners and leavers appear here.';
    return { node: h('div', {}, ...heading, switcher, insetText(text, 'changes-none')) };
  }
  const from = state.from && dates.includes(state.from) ? state.from : dates[dates.length - 2]!;
  const to = state.to && dates.includes(state.to) ? state.to : dates[dates.length - 1]!;
  const diff = await api.diff(network.id, from, to);

  const pick = (name: string, testid: string, value: string, onChange: (v: string) => void): HTMLElement =>
    selectField(
      name,
      testid,
      dates.map((d) => option(d, formatDate(d), d === value)),
      onChange,
    );
  const memberCols = memberColumns<Joiner>(ctx, ['name', 'group', 'la_name']);
  const moveColumns: Column<Move>[] = [
    { key: 'name', label: capitalise(network.member_label), value: (m) => m.name },
    { key: 'from_group', label: 'From', value: (m) => m.from_group },
    { key: 'to_group', label: 'To', value: (m) => m.to_group },
  ];
  const areaColumns: Column<AreaChange>[] = [
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
  const node = h(
    'div',
    {},
    ...heading,
    switcher,
    h(
      'div',
      { class: 'app-controls' },
      pick('From', 'from-control', from, (v) => ctx.nav.go({ from: v })),
      pick('To', 'to-control', to, (v) => ctx.nav.go({ to: v })),
    ),
    h(
      'p',
      { class: 'govuk-body-l', 'data-testid': 'changes-summary' },
      `${counted(diff.joiners.length, 'joiner')} and ${counted(diff.leavers.length, 'leaver')} between ${formatDate(from)} and ${formatDate(to)}${diff.group_moves === null ? '' : `; ${formatInt(diff.group_moves.length)} moved group`}. Council areas covered: ${formatInt(diff.council_areas_covered.from)} then ${formatInt(diff.council_areas_covered.to)}.`,
    ),
    dataTable({ caption: 'Joiners', columns: memberCols, rows: diff.joiners, empty: 'None.' }),
    dataTable({ caption: 'Leavers', columns: memberCols, rows: diff.leavers, empty: 'None.' }),
    diff.group_moves === null
      ? null
      : dataTable({
          caption: 'Moved to another group',
          columns: moveColumns,
          rows: diff.group_moves,
          empty: 'None.',
        }),
    dataTable({
      caption: 'Council areas whose count changed',
      columns: areaColumns,
      rows: diff.area_changes,
      empty: 'None.',
    }),
  );
  return { node };
};
