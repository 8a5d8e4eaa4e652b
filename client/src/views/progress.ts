// Progress: the network's size over time against its targets, with the figures, targets and rounds as tables.
import { api, type CoveragePoint, type ProgressPoint, type Round, type Target } from '../api.js';
import { markerFor, progressChart, statusWords } from '../charts/progress-chart.js';
import { capitalise, membersLabel, type View } from '../context.js';
import { h } from '../dom.js';
import { fileSlug } from '../download.js';
import { chartFigure, embedFigure } from '../figure.js';
import { formatDate, formatInt, formatPct } from '../format.js';
import { dataTable, toCsv, type Column } from '../table.js';

function sourceCell(p: ProgressPoint | CoveragePoint): Node | string {
  const title = p.source_title ?? (p.source === 'snapshot' ? 'Imported member list' : p.source);
  return p.source_url ? h('a', { class: 'govuk-link', href: p.source_url, rel: 'noopener' }, title) : title;
}

export const view: View = async (ctx) => {
  const { network } = ctx;
  const label = membersLabel(network);
  const progress = await api.progress(network.id);
  const title = `${capitalise(label)} over time`;
  const chart = (): SVGSVGElement =>
    progressChart({
      title,
      memberLabel: label,
      series: progress.series,
      targets: progress.targets,
      rounds: progress.rounds,
      asAt: ctx.asAt,
    });
  const dateLine = `Published figures and member-list counts; chosen date ${formatDate(ctx.asAt)}`;
  if (ctx.state.embed) return { node: embedFigure(title, dateLine, chart()) };

  const seriesColumns: Column<ProgressPoint>[] = [
    { key: 'date', label: 'Date', value: (p) => p.date, cell: (p) => formatDate(p.date, p.precision) },
    { key: 'precision', label: 'Dated to the', value: (p) => p.precision },
    {
      key: 'total',
      label: capitalise(label),
      numeric: true,
      value: (p) => p.total,
      cell: (p) => formatInt(p.total),
    },
    {
      key: 'qualifier',
      label: 'Qualifier',
      value: (p) => p.qualifier,
      cell: (p) => `${p.qualifier} (${markerFor(p).label})`,
    },
    { key: 'source', label: 'Source', value: (p) => p.source_title ?? p.source, cell: sourceCell },
    { key: 'source_url', label: 'Source URL', value: (p) => p.source_url, cell: (p) => p.source_url ?? '' },
  ];
  const tableColumns = seriesColumns.filter((c) => c.key !== 'source_url');
  const targetColumns: Column<Target>[] = [
    { key: 'value', label: 'Target', numeric: true, value: (t) => t.value, cell: (t) => formatInt(t.value) },
    {
      key: 'deadline',
      label: 'Deadline',
      value: (t) => t.deadline,
      cell: (t) => formatDate(t.deadline, 'month'),
    },
    { key: 'status', label: 'Status', value: (t) => t.status, cell: (t) => statusWords(t.status) },
    { key: 'reached', label: 'Reached', value: (t) => t.reached?.words ?? null },
    { key: 'evidence', label: 'Evidence', value: (t) => t.evidence, cell: (t) => t.evidence ?? '' },
  ];
  const roundColumns: Column<Round>[] = [
    { key: 'round', label: 'Round', value: (r) => r.round },
    { key: 'date', label: 'Date', value: (r) => r.date, cell: (r) => formatDate(r.date) },
    {
      key: 'designated',
      label: 'Designated',
      numeric: true,
      value: (r) => r.designated,
      cell: (r) => formatInt(r.designated),
    },
  ];
  const undated = progress.undated;

  // Council-area coverage over time: published percentages and the coverage of each imported list.
  const coverageTitle = `Council areas with ${label}, over time`;
  const coverage = progress.coverage_series;
  const coverageChart = (): SVGSVGElement =>
    progressChart({
      title: coverageTitle,
      memberLabel: 'council areas covered',
      series: coverage.map((p) => ({ ...p, total: p.pct })),
      targets: [],
      rounds: progress.rounds,
      asAt: ctx.asAt,
      format: formatPct,
      yMax: 100,
    });
  const coverageColumns: Column<CoveragePoint>[] = [
    { key: 'date', label: 'Date', value: (p) => p.date, cell: (p) => formatDate(p.date, p.precision) },
    { key: 'pct', label: 'Covered (%)', numeric: true, value: (p) => p.pct, cell: (p) => formatPct(p.pct) },
    {
      key: 'covered',
      label: 'Areas covered',
      numeric: true,
      value: (p) => p.covered,
      cell: (p) => (p.covered === null ? 'not published' : formatInt(p.covered)),
    },
    {
      key: 'of',
      label: 'Of',
      numeric: true,
      value: (p) => p.of,
      cell: (p) => (p.of === null ? 'not published' : formatInt(p.of)),
    },
    { key: 'qualifier', label: 'Qualifier', value: (p) => p.qualifier },
    { key: 'source', label: 'Source', value: (p) => p.source_title, cell: sourceCell },
    { key: 'source_url', label: 'Source URL', value: (p) => p.source_url, cell: (p) => p.source_url ?? '' },
  ];

  const node = h(
    'div',
    {},
    h('span', { class: 'govuk-caption-l' }, network.name),
    h('h1', { class: 'govuk-heading-l' }, 'Progress against targets'),
    chartFigure({
      heading: title,
      summary:
        'Filled marks are exact figures, hollow marks approximate or lower bounds ("over"), squares are counts of ' +
        'imported member lists. A bar shows the month or year a figure is dated by. Dashed lines are targets up to ' +
        'their deadlines; dotted lines are recruitment rounds; the solid line is the chosen date.',
      chart: chart(),
      testid: 'progress-figure',
      downloads: {
        name: fileSlug(network.id, 'progress', ctx.asAt),
        what: 'the progress chart',
        about: {
          title,
          date: dateLine,
          dataVersion: ctx.meta.dataVersion,
          source: 'DfE and NCTL publications (see the table) and imported member lists',
        },
        image: chart,
        csv: () => toCsv(seriesColumns, progress.series),
      },
      table: dataTable({
        caption: `Figures for ${label} over time`,
        columns: tableColumns,
        rows: progress.series,
        testid: 'progress-table',
        empty: 'No dated figures.',
      }),
    }),
    coverage.length > 0
      ? chartFigure({
          heading: coverageTitle,
          summary:
            'The share of council areas with at least one member: published percentages (circles) and the ' +
            'coverage of each imported member list (squares). Areas are counted as each source counted them.',
          chart: coverageChart(),
          testid: 'coverage-over-time-figure',
          downloads: {
            name: fileSlug(network.id, 'coverage-over-time', ctx.asAt),
            what: 'the coverage chart',
            about: {
              title: coverageTitle,
              date: dateLine,
              dataVersion: ctx.meta.dataVersion,
              source: 'DfE publications (see the table) and imported member lists',
            },
            image: coverageChart,
            csv: () => toCsv(coverageColumns, coverage),
          },
          table: dataTable({
            caption: `Council areas covered by ${label} over time`,
            columns: coverageColumns.filter((c) => c.key !== 'source_url'),
            rows: coverage,
            testid: 'coverage-over-time-table',
            empty: 'No coverage figures.',
          }),
        })
      : null,
    h('h2', { class: 'govuk-heading-m' }, 'Targets'),
    dataTable({
      caption: 'Published targets and whether they were met',
      columns: targetColumns,
      rows: progress.targets,
      testid: 'targets-table',
      empty: 'No published targets.',
    }),
    progress.rounds.length > 0
      ? dataTable({ caption: 'Recruitment rounds', columns: roundColumns, rows: progress.rounds })
      : null,
    undated.length > 0
      ? h(
          'section',
          {},
          h('h2', { class: 'govuk-heading-m' }, 'Undated figures'),
          h(
            'p',
            { class: 'govuk-body' },
            'These published figures carry no date, so they are listed here and not plotted.',
          ),
          h(
            'ul',
            { class: 'govuk-list govuk-list--bullet' },
            ...undated.map((u) =>
              h(
                'li',
                {},
                `${u.label}: ${u.qualifier === 'exact' ? '' : `${u.qualifier} `}${formatInt(u.value)}. Source: ${u.source_title}`,
              ),
            ),
          ),
        )
      : null,
  );
  return { node };
};
