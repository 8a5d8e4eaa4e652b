// Size of a network over time, as a list of marks: published figures and list counts (marked by qualifier, with
// the period their date stands for and the values their qualifier allows), targets with the period each was reached
// in, recruitment rounds, and a rule at the chosen date. A pure function of its data.
import { UTCDate } from '@date-fns/utc';
import { max, min, scaleLinear, scaleUtc } from 'd3';
import { addYears, startOfYear } from 'date-fns';
import { formatDate, formatInt } from '../format.js';
import { axisTitleBox, axisX, axisY, gridY, ticksFor } from './marks/axes.js';
import { figuresMark, trendMark, type FigurePoint } from './marks/figures.js';
import { LEGEND_ROW, legendBox, legendLayout, legendMark } from './marks/legend.js';
import { dayOf, periodOf } from './marks/periods.js';
import { roundsMark, type RoundMark } from './marks/rounds.js';
import { dateLabelPlace, dateRule } from './marks/rule.js';
import { targetLabelsMark } from './marks/target-labels.js';
import { targetsMark, type TargetMark } from './marks/targets.js';
import { plot, type Box, type Margin } from './plot.js';
import { check } from './svg.js';

export { markerFor, statusWords } from './marks/markers.js';

export type ProgressChartPoint = FigurePoint;
export type ProgressChartTarget = TargetMark;
export type ProgressChartRound = RoundMark;

export interface ProgressChartInput {
  title: string;
  /** Plural label of what the values count, e.g. 'teaching schools'. */
  memberLabel: string;
  series: ProgressChartPoint[];
  targets: ProgressChartTarget[];
  rounds: ProgressChartRound[];
  /** The chosen date (YYYY-MM-DD): drawn as a rule. */
  asAt: string | null;
  /** How a value reads (default: a whole number); the axis and every mark's title use it. */
  format?: (value: number) => string;
  /** The top of the scale, for values with a natural maximum such as a percentage (default: the data's). */
  yMax?: number;
  width?: number;
  height?: number;
}

function describe(input: ProgressChartInput, points: readonly ProgressChartPoint[]): string {
  if (points.length === 0) return `No dated figures for ${input.memberLabel}.`;
  const first = points[0]!;
  const last = points.at(-1)!;
  const targets = input.targets.length;
  return (
    `${points.length} figures for ${input.memberLabel} from ${formatDate(first.date, first.precision)} to ` +
    `${formatDate(last.date, last.precision)}; ${targets} target${targets === 1 ? '' : 's'}. ` +
    'The table beside the chart lists every figure.'
  );
}

/** The years the data spans, whole years either side (2011-2021 when there is nothing). */
function yearDomain(input: ProgressChartInput, points: readonly ProgressChartPoint[]): [Date, Date] {
  const dates = [
    ...points.flatMap((p) => periodOf(p.date, p.precision)),
    ...input.targets.map((t) => periodOf(t.deadline, 'month')[1]),
    ...input.rounds.map((r) => dayOf(r.date)),
    ...(input.asAt ? [dayOf(input.asAt)] : []),
  ];
  const first = min(dates) ?? new UTCDate(2011, 0, 1);
  const last = max(dates) ?? new UTCDate(2020, 0, 1);
  return [startOfYear(new UTCDate(first)), addYears(startOfYear(new UTCDate(last)), 1)];
}

/** Room kept between the date's label and the axis title when they share the row above the plot. */
const APART = 8;
/** The axis title's baseline over the plot: in the date's row, or in a row of its own above it. */
const TITLE_RAISE = 10;
const TITLE_RAISE_OWN_ROW = 28;

/**
 * Whether the chosen date's label would meet the axis title ('Teaching schools') in the row above the plot: a
 * date near the left (12 March 2018 on a chart from 2018) or a narrow chart. Then the title gets a row of its own.
 */
function titleNeedsOwnRow(input: ProgressChartInput, frame: Parameters<typeof dateLabelPlace>[1]): boolean {
  if (!input.asAt) return false;
  const [left, , right] = dateLabelPlace(input.asAt, frame).box;
  const [titleLeft, , titleRight] = axisTitleBox(input.memberLabel, frame.margin, TITLE_RAISE);
  return left < titleRight + APART && titleLeft < right + APART;
}

export function progressChart(input: ProgressChartInput): SVGSVGElement {
  const width = input.width ?? 760;
  for (const p of input.series) check(Number.isFinite(p.total), 'series total', p.total);
  const points = [...input.series].sort((a, b) => dayOf(a.date).getTime() - dayOf(b.date).getTime());
  const margin: Margin = { top: 0, right: 24, bottom: 40, left: 64 };
  const legendRows = Math.max(1, legendLayout(points, legendBox(width, margin).room).rows);
  const x = scaleUtc()
    .domain(yearDomain(input, points))
    .range([margin.left, width - margin.right]);
  const ownRow = titleNeedsOwnRow(input, { x, margin, width });
  margin.top = 44 + legendRows * LEGEND_ROW + (ownRow ? 18 : 0);
  const raise = ownRow ? TITLE_RAISE_OWN_ROW : TITLE_RAISE;
  // 420 px, or taller where the legend takes more rows (a narrow chart): the plot keeps at least 280 px.
  const height = input.height ?? Math.max(420, margin.top + 280 + margin.bottom);
  const ticks = ticksFor(height - margin.top - margin.bottom);
  const top = max([...points.map((p) => p.high ?? p.total), ...input.targets.map((t) => t.value), 1]) ?? 1;
  // The targets' labels keep clear of the words above the plot.
  const above: Box[] = [
    axisTitleBox(input.memberLabel, margin, raise),
    ...(input.asAt ? [dateLabelPlace(input.asAt, { x, margin, width }).box] : []),
  ];
  return plot({
    title: input.title,
    description: describe(input, points),
    width,
    height,
    margin,
    x,
    y: scaleLinear()
      .domain([0, input.yMax ?? top * 1.1])
      .nice()
      .range([height - margin.bottom, margin.top]),
    format: input.format ?? formatInt,
    marks: [
      gridY(ticks),
      axisX(),
      axisY(input.memberLabel, ticks, raise),
      roundsMark(input.rounds),
      targetsMark(input.targets),
      trendMark(points),
      figuresMark(points, input.memberLabel),
      targetLabelsMark(input.targets, points, input.asAt, above),
      dateRule(input.asAt),
      legendMark(points),
    ],
  });
}
