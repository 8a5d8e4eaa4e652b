// Where a network has fewer than two member lists, the Changes view shows what can change instead: the published
// totals between two dates (the milestones, and any list's count), so the view is never a dead end.
import { api, type ProgressPoint } from '../../api.js';
import { capitalise, membersLabel, type ViewContext } from '../../context.js';
import { option, selectField } from '../../controls.js';
import { h } from '../../dom.js';
import { formatDate, formatInt } from '../../format.js';
import { insetText } from '../../messages.js';
import { dataTable, type Column } from '../../table.js';

const pointWords = (p: ProgressPoint): string =>
  `${p.qualifier === 'exact' ? '' : `${p.qualifier} `}${formatInt(p.total)} (${formatDate(p.date, p.precision)})`;

/** The change from one published total to another, in a sentence. */
export function totalsSentence(label: string, a: ProgressPoint, b: ProgressPoint): string {
  const change = b.total - a.total;
  const by = change === 0 ? 'no change' : `${change > 0 ? '+' : ''}${formatInt(change)}`;
  const loose = a.qualifier !== 'exact' || b.qualifier !== 'exact' ? ', as far as the figures say' : '';
  return `${capitalise(label)}: ${pointWords(a)}, then ${pointWords(b)}: ${by}${loose}.`;
}

function pointColumns(label: string): Column<ProgressPoint>[] {
  return [
    { key: 'date', label: 'Date', value: (p) => p.period_end, cell: (p) => formatDate(p.date, p.precision) },
    {
      key: 'total',
      label: capitalise(label),
      numeric: true,
      value: (p) => p.total,
      cell: (p) => formatInt(p.total),
    },
    { key: 'qualifier', label: 'Qualifier', value: (p) => p.qualifier },
    { key: 'source', label: 'Source', value: (p) => p.source_title },
  ];
}

/** The published totals between two chosen dates, with every figure between them. */
export async function totalsChange(ctx: ViewContext, why: string): Promise<HTMLElement[]> {
  const label = membersLabel(ctx.network);
  const series = [...(await api.progress(ctx.network.id)).series].sort((a, b) =>
    a.period_end.localeCompare(b.period_end),
  );
  if (series.length < 2)
    return [insetText(`${why} No two published totals are held either.`, 'changes-none')];
  const dates = [...new Set(series.map((p) => p.period_end))];
  const from = ctx.state.from && dates.includes(ctx.state.from) ? ctx.state.from : dates[0]!;
  const to = ctx.state.to && dates.includes(ctx.state.to) ? ctx.state.to : dates[dates.length - 1]!;
  const at = (d: string) => series.filter((p) => p.period_end === d).at(-1)!;
  const pick = (name: string, testid: string, value: string, go: (v: string) => void) =>
    selectField(
      name,
      testid,
      dates.map((d) => option(d, formatDate(at(d).date, at(d).precision), d === value)),
      go,
    );
  const between = series.filter((p) => p.period_end >= from && p.period_end <= to);
  return [
    insetText(`${why} Below is the change in published totals between two dates instead.`, 'changes-none'),
    h(
      'div',
      { class: 'app-controls' },
      pick('From', 'from-control', from, (v) => ctx.nav.go({ from: v })),
      pick('To', 'to-control', to, (v) => ctx.nav.go({ to: v })),
    ),
    h(
      'p',
      { class: 'govuk-body-l', 'data-testid': 'totals-summary' },
      totalsSentence(label, at(from), at(to)),
    ),
    dataTable({
      caption: `Published totals from ${formatDate(at(from).date, at(from).precision)} to ${formatDate(at(to).date, at(to).precision)}`,
      columns: pointColumns(label),
      rows: between,
      testid: 'totals-table',
      empty: 'None.',
    }),
  ];
}
