// Size of a network over time: published figures and snapshot counts, marked by qualifier and date precision;
// target lines with deadline markers; recruitment rounds; a rule at the chosen date. A pure function of its data.
import {
  axisBottom,
  axisLeft,
  line,
  max,
  min,
  scaleLinear,
  scaleUtc,
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
  utcFormat,
  type Selection,
  type SymbolType,
} from 'd3';
import { endOfPeriod, formatDate, formatInt, startOfPeriod } from '../format.js';
import { chartRoot, check, GRID, INK, SECONDARY_INK, STATUS_COLOUR, ACCENT, type Svg } from './svg.js';

export interface ProgressChartPoint {
  date: string;
  precision: 'day' | 'month' | 'year';
  total: number;
  qualifier: string;
  source: string;
  source_title: string | null;
}

export interface ProgressChartTarget {
  value: number;
  deadline: string;
  status: string;
}

export interface ProgressChartRound {
  round: number;
  date: string;
  designated: number | null;
}

export interface ProgressChartInput {
  title: string;
  /** Plural label of a member, e.g. 'teaching schools'. */
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

interface Marker {
  symbol: SymbolType;
  filled: boolean;
  label: string;
}

/** How a figure is marked: the shape says what kind of figure it is, a hollow mark that it is not exact. */
export function markerFor(point: Pick<ProgressChartPoint, 'qualifier' | 'source'>): Marker {
  if (point.source === 'snapshot')
    return { symbol: symbolSquare, filled: true, label: 'count of a member list' };
  switch (point.qualifier) {
    case 'exact':
      return { symbol: symbolCircle, filled: true, label: 'published, exact' };
    case 'over':
    case 'just over':
      return { symbol: symbolTriangle, filled: false, label: 'published, "over" (a lower bound)' };
    case 'about':
    case 'around':
      return { symbol: symbolCircle, filled: false, label: 'published, approximate' };
    case 'derived':
      return { symbol: symbolDiamond, filled: false, label: 'derived from a stated change' };
    default:
      return { symbol: symbolCircle, filled: false, label: `published, ${point.qualifier}` };
  }
}

const STATUS_WORDS: Record<string, string> = {
  met: 'met',
  missed: 'missed',
  on_track: 'on track',
  at_risk: 'at risk',
  undetermined: 'undetermined',
};

export function statusWords(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

function day(text: string): Date {
  const d = startOfPeriod(text);
  if (!d) throw new Error(`invalid date: ${JSON.stringify(text)}`);
  return d;
}

/** The span of time a figure's date covers: one day, a month or a year. */
function period(point: Pick<ProgressChartPoint, 'date' | 'precision'>): [Date, Date] {
  const start = day(point.date);
  const end = point.precision === 'day' ? start : (endOfPeriod(point.date) ?? start);
  return [start, end];
}

function midpoint([a, b]: [Date, Date]): Date {
  return new Date((a.getTime() + b.getTime()) / 2);
}

/**
 * A labelled group made when its first mark is drawn: an empty group with a label is an error for screen readers,
 * so a chart with no targets (say) has no Targets group.
 */
function layer(svg: Svg, label: string): () => Selection<SVGGElement, undefined, null, undefined> {
  let group: Selection<SVGGElement, undefined, null, undefined> | undefined;
  return () => (group ??= svg.append('g').attr('aria-label', label));
}

export function progressChart(input: ProgressChartInput): SVGSVGElement {
  const width = input.width ?? 760;
  const height = input.height ?? 420;
  check(width >= 200, 'width', width);
  check(height >= 150, 'height', height);
  for (const p of input.series) check(Number.isFinite(p.total), 'series total', p.total);

  const margin = { top: 64, right: 24, bottom: 40, left: 64 };
  const points = [...input.series]
    .map((p) => ({ ...p, span: period(p) }))
    .sort((a, b) => a.span[0].getTime() - b.span[0].getTime());
  const targets = input.targets.map((t) => ({
    ...t,
    end: period({ date: t.deadline, precision: 'month' })[1],
  }));
  const rounds = input.rounds.map((r) => ({ ...r, at: day(r.date) }));
  const asAt = input.asAt ? day(input.asAt) : null;

  const dates = [
    ...points.flatMap((p) => p.span),
    ...targets.map((t) => t.end),
    ...rounds.map((r) => r.at),
    ...(asAt ? [asAt] : []),
  ];
  const first = min(dates) ?? new Date(Date.UTC(2011, 0, 1));
  const last = max(dates) ?? new Date(Date.UTC(2021, 0, 1));
  const x = scaleUtc()
    .domain([
      new Date(Date.UTC(first.getUTCFullYear(), 0, 1)),
      new Date(Date.UTC(last.getUTCFullYear() + 1, 0, 1)),
    ])
    .range([margin.left, width - margin.right]);
  const format = input.format ?? formatInt;
  const top = max([...points.map((p) => p.total), ...targets.map((t) => t.value), 1]) ?? 1;
  const y = scaleLinear()
    .domain([0, input.yMax ?? top * 1.1])
    .nice()
    .range([height - margin.bottom, margin.top]);

  const dated = points.length;
  const description =
    dated === 0
      ? `No dated figures for ${input.memberLabel}.`
      : `${dated} figures for ${input.memberLabel} from ${formatDate(points[0]!.date, points[0]!.precision)} to ` +
        `${formatDate(points[dated - 1]!.date, points[dated - 1]!.precision)}; ` +
        `${targets.length} target${targets.length === 1 ? '' : 's'}. The table beside the chart lists every figure.`;
  const svg = chartRoot({ width, height, title: input.title, description });

  // Grid and axes.
  const grid = svg.append('g').attr('aria-hidden', 'true');
  for (const tick of y.ticks(6)) {
    grid
      .append('line')
      .attr('x1', margin.left)
      .attr('x2', width - margin.right)
      .attr('y1', y(tick))
      .attr('y2', y(tick))
      .attr('stroke', GRID);
  }
  svg
    .append('g')
    .attr('aria-hidden', 'true')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor((width - margin.left - margin.right) / 70)))
        .tickFormat((d) => utcFormat('%Y')(d as Date)),
    )
    .call((g) => g.attr('font-family', null).attr('font-size', null));
  svg
    .append('g')
    .attr('aria-hidden', 'true')
    .attr('transform', `translate(${margin.left},0)`)
    .call(
      axisLeft(y)
        .ticks(6)
        .tickFormat((d) => format(Number(d))),
    )
    .call((g) => g.attr('font-family', null).attr('font-size', null))
    .call((g) => g.select('.domain').remove());
  svg
    .append('text')
    .attr('x', margin.left)
    .attr('y', margin.top - 10)
    .attr('fill', SECONDARY_INK)
    .text(input.memberLabel.charAt(0).toUpperCase() + input.memberLabel.slice(1));

  // Recruitment rounds.
  const roundLayer = layer(svg, 'Recruitment rounds');
  for (const r of rounds) {
    const gx = x(r.at);
    const g = roundLayer().append('g');
    g.append('title').text(
      `Round ${r.round}, ${formatDate(r.date)}${r.designated === null ? '' : `: ${formatInt(r.designated)} designated`}`,
    );
    g.append('line')
      .attr('x1', gx)
      .attr('x2', gx)
      .attr('y1', margin.top)
      .attr('y2', height - margin.bottom)
      .attr('stroke', SECONDARY_INK)
      .attr('stroke-dasharray', '2 3');
    g.append('text')
      .attr('x', gx + 3)
      .attr('y', margin.top + 10)
      .attr('fill', SECONDARY_INK)
      .attr('font-size', 11)
      .text(`R${r.round}${r.designated === null ? '' : ` +${formatInt(r.designated)}`}`);
  }

  // Targets: a dashed line at the value up to the deadline, and a marker at the deadline.
  const targetLayer = layer(svg, 'Targets');
  for (const t of targets) {
    const colour = STATUS_COLOUR[t.status] ?? INK;
    const tx = x(t.end);
    const ty = y(t.value);
    const g = targetLayer().append('g');
    const words = `Target ${formatInt(t.value)} by ${formatDate(t.deadline, 'month')}: ${statusWords(t.status)}`;
    g.append('title').text(words);
    g.append('line')
      .attr('x1', margin.left)
      .attr('x2', tx)
      .attr('y1', ty)
      .attr('y2', ty)
      .attr('stroke', colour)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '6 4');
    g.append('path')
      .attr('transform', `translate(${tx},${ty})`)
      .attr('d', 'M0,-7V7M-5,-7H5')
      .attr('stroke', colour)
      .attr('stroke-width', 2)
      .attr('fill', 'none');
    g.append('text')
      .attr('x', tx - 6)
      .attr('y', ty - 6)
      .attr('text-anchor', 'end')
      .attr('fill', colour)
      .attr('font-weight', 700)
      .attr('paint-order', 'stroke')
      .attr('stroke', '#ffffff')
      .attr('stroke-width', 4)
      .text(words);
  }

  // The trend: a thin line through the figures in date order.
  if (points.length > 1) {
    svg
      .append('path')
      .attr('aria-hidden', 'true')
      .attr('fill', 'none')
      .attr('stroke', '#9ab8d6')
      .attr('stroke-width', 1.5)
      .attr(
        'd',
        line<(typeof points)[number]>()
          .x((p) => x(midpoint(p.span)))
          .y((p) => y(p.total))(points),
      );
  }

  // The figures: a whisker spans the month or year a figure is dated by, the mark sits at its middle.
  const pointLayer = layer(svg, 'Figures');
  for (const p of points) {
    const marker = markerFor(p);
    const px = x(midpoint(p.span));
    const py = y(p.total);
    const g = pointLayer().append('g');
    g.append('title').text(
      `${format(p.total)} ${input.memberLabel} (${marker.label}), ${formatDate(p.date, p.precision)}` +
        (p.source_title ? `. Source: ${p.source_title}` : ''),
    );
    if (p.precision !== 'day') {
      g.append('path')
        .attr(
          'd',
          `M${x(p.span[0])},${py - 4}V${py + 4}M${x(p.span[0])},${py}H${x(p.span[1])}M${x(p.span[1])},${py - 4}V${py + 4}`,
        )
        .attr('stroke', ACCENT)
        .attr('stroke-width', 1.5)
        .attr('fill', 'none');
    }
    g.append('path')
      .attr('transform', `translate(${px},${py})`)
      .attr('d', symbol(marker.symbol, 64)() ?? '')
      .attr('fill', marker.filled ? ACCENT : '#ffffff')
      .attr('stroke', ACCENT)
      .attr('stroke-width', 2);
  }

  // The chosen date.
  if (asAt) {
    const ax = x(asAt);
    const g = svg.append('g').attr('aria-label', `Chosen date ${formatDate(input.asAt)}`);
    g.append('line')
      .attr('x1', ax)
      .attr('x2', ax)
      .attr('y1', margin.top - 4)
      .attr('y2', height - margin.bottom)
      .attr('stroke', INK)
      .attr('stroke-width', 2);
    g.append('text')
      .attr('x', ax)
      .attr('y', margin.top - 8)
      .attr('text-anchor', ax > width - 120 ? 'end' : 'middle')
      .attr('font-weight', 700)
      .text(formatDate(input.asAt));
  }

  // Legend: one entry per kind of mark present.
  const kinds = new Map<string, Marker>();
  for (const p of points) {
    const m = markerFor(p);
    kinds.set(m.label, m);
  }
  if (points.length === 0) return svg.node()!;
  const legend = svg
    .append('g')
    .attr('aria-label', 'Legend')
    .attr('transform', `translate(${margin.left},14)`);
  let lx = 0;
  let ly = 0;
  const entries = [...kinds.values()];
  const hasPeriods = points.some((p) => p.precision !== 'day');
  for (const m of entries) {
    const w = 30 + m.label.length * 7;
    if (lx + w > width - margin.left - margin.right) {
      lx = 0;
      ly += 18;
    }
    const g = legend.append('g').attr('transform', `translate(${lx},${ly})`);
    g.append('path')
      .attr('transform', 'translate(6,0)')
      .attr('d', symbol(m.symbol, 48)() ?? '')
      .attr('fill', m.filled ? ACCENT : '#ffffff')
      .attr('stroke', ACCENT)
      .attr('stroke-width', 2);
    g.append('text').attr('x', 16).attr('y', 4).text(m.label);
    lx += w;
  }
  if (hasPeriods) {
    const label = 'bar: the month or year a figure is dated by';
    const w = 36 + label.length * 7;
    if (lx + w > width - margin.left - margin.right) {
      lx = 0;
      ly += 18;
    }
    const g = legend.append('g').attr('transform', `translate(${lx},${ly})`);
    g.append('path').attr('d', 'M0,-4V4M0,0H16M16,-4V4').attr('stroke', ACCENT).attr('stroke-width', 1.5);
    g.append('text').attr('x', 22).attr('y', 4).text(label);
  }

  return svg.node()!;
}
