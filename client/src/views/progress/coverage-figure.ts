// Council-area coverage over time: each figure out of the areas its source counts (152, or DfE's 150 of 2019), and a
// published percentage as the counts it allows at its printed precision (95% of 152: 144 or 145 areas). The chart
// draws the counts, each with its denominator, never the shares alone.
import type { CoveragePoint, Progress } from '../../api.js';
import { progressChart } from '../../charts/progress-chart.js';
import { membersLabel, type ViewContext } from '../../context.js';
import { fileSlug } from '../../download.js';
import { chartFigure } from '../../figure.js';
import { formatDate, formatInt } from '../../format.js';
import { sourceCaption } from '../../published.js';
import { dataTable, toCsv, type Column } from '../../table.js';
import { dateColumns, onPage, sourceColumns } from './columns.js';

/** A percentage at the precision it is given to: '95%', '98.7%'. */
export function pctWords(pct: number, decimals: number): string {
  return `${pct.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}%`;
}

/** '144 or 145', '144 to 146', '149'. */
export function coveredWords(p: CoveragePoint): string {
  if (p.covered_min === p.covered_max) return formatInt(p.covered_min);
  const join = p.covered_max - p.covered_min === 1 ? 'or' : 'to';
  return `${formatInt(p.covered_min)} ${join} ${formatInt(p.covered_max)}`;
}

export function coverageColumns(): Column<CoveragePoint>[] {
  return [
    ...dateColumns<CoveragePoint>(),
    {
      key: 'pct',
      label: 'Covered (%)',
      numeric: true,
      value: (p) => p.pct,
      cell: (p) => pctWords(p.pct, p.pct_decimals),
    },
    { key: 'covered', label: 'Areas covered', value: coveredWords },
    { key: 'of', label: 'Of (areas the source counts)', numeric: true, value: (p) => p.of },
    { key: 'qualifier', label: 'Qualifier', value: (p) => p.qualifier },
    ...sourceColumns<CoveragePoint>(),
  ];
}

/**
 * The chart plots the count of areas covered, not the share: each point has its own denominator (152, 150, 153),
 * so a share can rise while the count falls (98.0% of 152 is 149 areas; 98.7% of 150 is 148), and a chart of shares
 * would draw that fall as a rise. Each note says the count, its denominator and the share.
 */
function chartPoints(points: readonly CoveragePoint[]) {
  return points.map((p) => ({
    ...p,
    total: p.covered ?? (p.covered_min + p.covered_max) / 2,
    low: p.covered_min,
    high: p.covered_max,
    // Short, to fit beside its marker at 320 px: the share is in the title and the table.
    note: `${p.covered_min === p.covered_max ? formatInt(p.covered_min) : `${formatInt(p.covered_min)}\u2013${formatInt(p.covered_max)}`} of ${formatInt(p.of)}`,
    title:
      `${coveredWords(p)} of ${formatInt(p.of)} council areas (${pctWords(p.pct, p.pct_decimals)}), ` +
      `${formatDate(p.date, p.precision)}. Source: ${p.source_title}`,
  }));
}

export function coverageFigure(ctx: ViewContext, progress: Progress): HTMLElement | null {
  const points = progress.coverage_series;
  if (points.length === 0) return null;
  const title = `Council areas with ${membersLabel(ctx.network)}, over time`;
  const chart = (width?: number, height?: number): SVGSVGElement =>
    progressChart({
      width,
      height,
      title,
      memberLabel: 'council areas covered',
      series: chartPoints(points),
      targets: [],
      rounds: [],
      asAt: ctx.asAt,
    });
  const columns = coverageColumns();
  return chartFigure({
    heading: title,
    summary:
      'The number of council areas with at least one member, each out of the areas its source counts (said ' +
      'beside it with the share): published percentages as the counts they allow, and the project\u2019s counts ' +
      'of each imported list. Counts, not shares, are drawn, so a fall in areas covered is never drawn as a ' +
      'rise where the number of areas changed.',
    chart,
    testid: 'coverage-over-time-figure',
    downloads: {
      name: fileSlug(ctx.network.id, 'coverage-over-time', ctx.asAt),
      what: 'the coverage chart',
      about: {
        title,
        date: `Chosen date ${formatDate(ctx.asAt)}`,
        dataVersion: ctx.meta.dataVersion,
        source: sourceCaption(points),
      },
      image: (room) => chart(room?.width, room?.height),
      csv: () => toCsv(columns, points),
    },
    table: dataTable({
      caption: `Council areas covered by ${membersLabel(ctx.network)} over time`,
      columns: onPage(columns),
      rows: points,
      testid: 'coverage-over-time-table',
      empty: 'No coverage figures.',
    }),
  });
}
