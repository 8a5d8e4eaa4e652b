// The network's size over time: the chart of published figures and list counts against the targets, and its table.
import type { Progress } from '../../api.js';
import { progressChart } from '../../charts/progress-chart.js';
import { capitalise, membersLabel, type ViewContext } from '../../context.js';
import { fileSlug } from '../../download.js';
import { chartFigure, embedFigure } from '../../figure.js';
import { formatDate } from '../../format.js';
import { sourceCaption } from '../../published.js';
import { dataTable, toCsv, type Column } from '../../table.js';
import { dateColumns, figureColumns, onPage, sourceColumns } from './columns.js';

type Point = Progress['series'][number];

/** The chart, drawn for a width (760 px, the downloads' width, when none is given). */
export function membersChart(
  ctx: ViewContext,
  progress: Progress,
  title: string,
): (width?: number, height?: number) => SVGSVGElement {
  return (width, height) =>
    progressChart({
      width,
      height,
      title,
      memberLabel: membersLabel(ctx.network),
      series: progress.series,
      targets: progress.targets,
      rounds: progress.rounds,
      asAt: ctx.asAt,
    });
}

export function membersFigure(ctx: ViewContext, progress: Progress): HTMLElement {
  const label = membersLabel(ctx.network);
  const title = `${capitalise(label)} over time`;
  const chart = membersChart(ctx, progress, title);
  const dateLine = `Published figures and member-list counts; chosen date ${formatDate(ctx.asAt)}`;
  if (ctx.state.embed) return embedFigure(title, dateLine, chart);
  const columns: Column<Point>[] = [
    ...dateColumns<Point>(),
    ...figureColumns<Point>(capitalise(label), (p) => p.total),
    ...sourceColumns<Point>(),
  ];
  return chartFigure({
    heading: title,
    summary:
      'Filled marks are exact figures, hollow marks approximate, lower bounds ("over") or derived from a stated ' +
      'change; squares are the project\u2019s counts of imported member lists. A horizontal bar shows the month or ' +
      'year a figure is dated by, a vertical one the values its qualifier allows. Dashed lines are targets up to ' +
      'their deadlines, with a band over the period the evidence says each was reached in; shaded months and dotted ' +
      'lines are recruitment rounds; the solid line is the chosen date.',
    chart,
    testid: 'progress-figure',
    downloads: {
      name: fileSlug(ctx.network.id, 'progress', ctx.asAt),
      what: 'the progress chart',
      about: {
        title,
        date: dateLine,
        dataVersion: ctx.meta.dataVersion,
        source: sourceCaption(progress.series),
      },
      image: (room) => chart(room?.width, room?.height),
      csv: () => toCsv(columns, progress.series),
    },
    table: dataTable({
      caption: `Figures for ${label} over time`,
      columns: onPage(columns),
      rows: progress.series,
      testid: 'progress-table',
      empty: 'No dated figures.',
    }),
  });
}
