// Horizontal bars, one a row, labelled with their values: e.g. members by region. A pure function of its data.
import { max, scaleLinear } from 'd3';
import { formatDecimal, formatInt } from '../format.js';
import { ACCENT, chartRoot, check, INK, SECONDARY_INK } from './svg.js';

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

const ROW = 26;

export function barChart(input: BarChartInput): SVGSVGElement {
  const width = input.width ?? 640;
  check(width >= 200, 'width', width);
  for (const r of input.rows)
    check(r.value === null || Number.isFinite(r.value), `value of ${r.label}`, r.value);
  const labelWidth = Math.min(200, Math.max(80, (max(input.rows, (r) => r.label.length) ?? 8) * 7 + 8));
  const noteWidth = (max(input.rows, (r) => (r.note ?? '').length) ?? 0) * 7;
  const margin = { top: 8, right: 64 + noteWidth, bottom: 8, left: labelWidth };
  const height = margin.top + margin.bottom + Math.max(1, input.rows.length) * ROW;
  const fmt = input.decimals ? formatDecimal : formatInt;

  const x = scaleLinear()
    .domain([0, max(input.rows, (r) => r.value ?? 0) || 1])
    .range([margin.left, width - margin.right]);
  const svg = chartRoot({
    width,
    height,
    title: input.title,
    description:
      input.description ??
      `${input.rows.length} bars of ${input.valueLabel}. The table beside the chart lists every value.`,
  });

  input.rows.forEach((r, i) => {
    const top = margin.top + i * ROW;
    const g = svg.append('g').attr('transform', `translate(0,${top})`);
    g.append('title').text(`${r.label}: ${fmt(r.value)} ${input.valueLabel}${r.note ? ` ${r.note}` : ''}`);
    g.append('text')
      .attr('x', margin.left - 8)
      .attr('y', ROW / 2 + 4)
      .attr('text-anchor', 'end')
      .text(r.label);
    const value = r.value;
    if (value === null) {
      g.append('text')
        .attr('x', margin.left)
        .attr('y', ROW / 2 + 4)
        .attr('fill', SECONDARY_INK)
        .attr('font-style', 'italic')
        .text('no data');
      return;
    }
    const end = x(value);
    g.append('rect')
      .attr('x', margin.left)
      .attr('y', 4)
      .attr('width', Math.max(0, end - margin.left))
      .attr('height', ROW - 8)
      .attr('fill', ACCENT);
    g.append('text')
      .attr('x', end + 6)
      .attr('y', ROW / 2 + 4)
      .attr('fill', INK)
      .text(`${fmt(value)}${r.note ? ` ${r.note}` : ''}`);
  });
  svg
    .append('line')
    .attr('aria-hidden', 'true')
    .attr('x1', margin.left)
    .attr('x2', margin.left)
    .attr('y1', margin.top)
    .attr('y2', height - margin.bottom)
    .attr('stroke', INK);
  return svg.node()!;
}
