// Horizontal bars, one a row, labelled with their values: e.g. members by region. A pure function of its data,
// drawn for a width: wide, each label sits left of its bar; narrow (a phone), above it, so the bars keep room.
import { max, scaleLinear, type ScaleLinear } from 'd3';
import { formatDecimal, formatInt } from '../format.js';
import { ACCENT, chartRoot, check, INK, SECONDARY_INK, type Svg } from './svg.js';
import { textWidth } from './text.js';

export interface BarChartRow {
  label: string;
  /** null = no data: drawn as a hatched note, never as a zero-length bar. */
  value: number | null;
  /** Optional text after the value, e.g. '(3 of 12 areas)'. */
  note?: string;
}

export interface BarChartInput {
  title: string;
  description?: string;
  rows: BarChartRow[];
  /** What the values count, for the tooltip, e.g. 'teaching schools'. */
  valueLabel: string;
  decimals?: boolean;
  width?: number;
}

const FONT_SIZE = 12;
const STYLE = { size: FONT_SIZE, fill: INK };

interface Layout {
  /** Height of a row; where its label and bar sit within it. */
  row: number;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
  barY: number;
  barHeight: number;
  left: number;
  right: number;
}

/** Labels beside the bars when they leave the bars at least half the width; else above them. */
function layoutFor(input: BarChartInput, width: number): Layout {
  const fmt = input.decimals ? formatDecimal : formatInt;
  const labelWidth = Math.ceil(max(input.rows, (r) => textWidth(r.label, STYLE)) ?? 40) + 12;
  const valueWidth =
    Math.ceil(max(input.rows, (r) => textWidth(`${fmt(r.value)} ${r.note ?? ''}`, STYLE)) ?? 40) + 12;
  if (width - labelWidth - valueWidth >= width / 2) {
    return {
      row: 26,
      labelX: labelWidth - 8,
      labelY: 17,
      anchor: 'end',
      barY: 4,
      barHeight: 18,
      left: labelWidth,
      right: width - valueWidth,
    };
  }
  return {
    row: 44,
    labelX: 0,
    labelY: 14,
    anchor: 'start',
    barY: 20,
    barHeight: 18,
    left: 0,
    right: width - valueWidth,
  };
}

function drawRow(
  svg: Svg,
  r: BarChartRow,
  top: number,
  l: Layout,
  x: ScaleLinear<number, number>,
  input: BarChartInput,
): void {
  const fmt = input.decimals ? formatDecimal : formatInt;
  const g = svg.append('g').attr('transform', `translate(0,${top})`);
  g.append('title').text(`${r.label}: ${fmt(r.value)} ${input.valueLabel}${r.note ? ` ${r.note}` : ''}`);
  g.append('text').attr('x', l.labelX).attr('y', l.labelY).attr('text-anchor', l.anchor).text(r.label);
  const textY = l.barY + l.barHeight / 2 + 4;
  if (r.value === null) {
    g.append('text')
      .attr('x', l.left)
      .attr('y', textY)
      .attr('fill', SECONDARY_INK)
      .attr('font-style', 'italic')
      .text('no data');
    return;
  }
  const end = x(r.value);
  g.append('rect')
    .attr('x', l.left)
    .attr('y', l.barY)
    .attr('width', Math.max(0, end - l.left))
    .attr('height', l.barHeight)
    .attr('fill', ACCENT);
  g.append('text')
    .attr('x', end + 6)
    .attr('y', textY)
    .attr('fill', INK)
    .text(`${fmt(r.value)}${r.note ? ` ${r.note}` : ''}`);
}

export function barChart(input: BarChartInput): SVGSVGElement {
  const width = input.width ?? 640;
  check(width >= 200, 'width', width);
  for (const r of input.rows)
    check(r.value === null || Number.isFinite(r.value), `value of ${r.label}`, r.value);
  const l = layoutFor(input, width);
  const top = 8;
  const height = top * 2 + Math.max(1, input.rows.length) * l.row;
  const x = scaleLinear()
    .domain([0, max(input.rows, (r) => r.value ?? 0) || 1])
    .range([l.left, l.right]);
  const svg = chartRoot({
    width,
    height,
    title: input.title,
    description:
      input.description ??
      `${input.rows.length} bars of ${input.valueLabel}. The table beside the chart lists every value.`,
  });
  input.rows.forEach((r, i) => drawRow(svg, r, top + i * l.row, l, x, input));
  svg
    .append('line')
    .attr('aria-hidden', 'true')
    .attr('x1', l.left)
    .attr('x2', l.left)
    .attr('y1', top)
    .attr('y2', height - top)
    .attr('stroke', INK);
  return svg.node()!;
}
