// Every other published figure of the network, each labelled as a published national figure with its source:
// a chart for a measure published three or more times (alliances over time), and one table of them all.
import type { Progress } from '../../api.js';
import { progressChart } from '../../charts/progress-chart.js';
import type { ViewContext } from '../../context.js';
import { fileSlug } from '../../download.js';
import { chartFigure } from '../../figure.js';
import { h } from '../../dom.js';
import { formatDate, formatInt } from '../../format.js';
import { sourceCaption } from '../../published.js';
import { dataTable, toCsv, type Column } from '../../table.js';
import { dateColumns, figureColumns, onPage, sourceColumns } from './columns.js';

type Series = Progress['figures'][number];
type Row = Series['points'][number] & { label: string; metric: string; related: boolean };

const isPct = (metric: string) => metric.endsWith('_pct');
const formatOf = (metric: string) => (isPct(metric) ? (n: number) => `${formatInt(n)}%` : formatInt);

function labelOf(s: Pick<Series, 'label' | 'related'>): string {
  return s.related ? `${s.label} (a related system-leadership figure, not of this network)` : s.label;
}

function columns(): Column<Row>[] {
  return [
    { key: 'label', label: 'What it counts', value: labelOf },
    ...dateColumns<Row>(),
    ...figureColumns<Row>(
      'Figure',
      (r) => r.value,
      (r) => formatOf(r.metric),
    ),
    { key: 'quote', label: 'In the source\u2019s words', value: (r) => r.source_quote },
    ...sourceColumns<Row>(),
  ];
}

function seriesChart(ctx: ViewContext, s: Series): HTMLElement {
  const chart = (width?: number, height = 250): SVGSVGElement =>
    progressChart({
      width,
      // A single series with no targets: a shorter chart says it, and a printed brief keeps to fewer pages.
      height,
      title: s.label,
      memberLabel: s.label.toLowerCase(),
      series: s.points.map((p) => ({ ...p, total: p.value })),
      targets: [],
      rounds: [],
      asAt: ctx.asAt,
    });
  const rows = s.points.map((p) => ({ ...p, label: s.label, metric: s.metric, related: s.related }));
  return chartFigure({
    heading: `${s.label} over time`,
    summary: 'Published national figures, and the project\u2019s counts of the imported lists (squares).',
    chart,
    testid: `figure-${s.metric}`,
    downloads: {
      name: fileSlug(ctx.network.id, s.metric, ctx.asAt),
      what: `the chart of ${s.label.toLowerCase()}`,
      about: {
        title: s.label,
        date: `Chosen date ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source: sourceCaption(s.points),
      },
      image: (room) => chart(room?.width, room?.height),
      csv: () => toCsv(columns(), rows),
    },
    table: dataTable({ caption: `${s.label} over time`, columns: onPage(columns()), rows }),
  });
}

export function otherFigures(ctx: ViewContext, progress: Progress): HTMLElement | null {
  if (progress.figures.length === 0) return null;
  const charted = progress.figures.filter((s) => s.points.length >= 3);
  const rows = progress.figures.flatMap((s) =>
    s.points.map((p) => ({ ...p, label: s.label, metric: s.metric, related: s.related })),
  );
  return h(
    'section',
    { 'data-testid': 'other-figures' },
    h('h2', { class: 'govuk-heading-m' }, 'Other published figures'),
    h(
      'p',
      { class: 'govuk-body' },
      'Published national figures about the network, each as its source gave it, with its qualifier and date.',
    ),
    ...charted.map((s) => seriesChart(ctx, s)),
    dataTable({
      caption: 'Every other published figure, by measure and date',
      columns: onPage(columns()),
      rows,
      testid: 'other-figures-table',
    }),
  );
}
