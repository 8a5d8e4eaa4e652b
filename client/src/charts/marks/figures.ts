// The figures: a mark at the middle of the period a figure's date stands for, a horizontal whisker across a month
// or year, and a vertical bar across the values its qualifier allows ("just over 360": 360 to 396; "over": upward).
import { symbol } from 'd3';
import { formatDate } from '../../format.js';
import { qualified } from '../../published.js';
import { CHAR_PX, layer, overlaps, type Box, type Mark } from '../plot.js';
import { ACCENT, SECONDARY_INK } from '../svg.js';
import { markerFor } from './markers.js';
import { midpoint, periodOf } from './periods.js';
import type { Precision } from '../../../../common/dates.js';

export interface FigurePoint {
  date: string;
  precision: Precision;
  total: number;
  qualifier: string;
  /** The lowest and highest value the qualifier allows; null: no bound that way. */
  low: number | null;
  high: number | null;
  source: string;
  source_title: string | null;
  /** The mark's title, when the default ('548 teaching schools (published, exact), 26 May 2014') would not say enough. */
  title?: string;
  /** A few words beside the mark, e.g. the denominator of a share ('of 150'). */
  note?: string;
}

function defaultTitle(p: FigurePoint, label: string, format: (n: number) => string): string {
  return (
    `${qualified(p.total, p.qualifier, format)} ${label} (${markerFor(p).label}), ${formatDate(p.date, p.precision)}` +
    (p.source_title ? `. Source: ${p.source_title}` : '')
  );
}

/**
 * Where a figure's note goes: below its marker, centred (or starting at the plot's left edge, clear of the axis
 * labels, or ending at the frame's right edge), else above it, so that it never leaves the frame or meets another
 * note; null (its title still says it) when neither fits.
 */
function noteSpot(
  note: string,
  px: number,
  py: number,
  edges: { left: number; right: number },
  taken: readonly Box[],
): { x: number; y: number; anchor: 'start' | 'middle' | 'end'; box: Box } | null {
  const w = note.length * CHAR_PX;
  const { right } = edges;
  const start = px - w / 2 < edges.left;
  const end = !start && px + w / 2 > right;
  const x = start ? edges.left : end ? right : px;
  const left = start ? edges.left : end ? right - w : px - w / 2;
  for (const y of [py + 20, py - 12]) {
    const box: Box = [left, y - 11, left + w, y + 3];
    if (!taken.some((b) => overlaps(box, b)))
      return { x, y, anchor: start ? 'start' : end ? 'end' : 'middle', box };
  }
  return null;
}

export function figuresMark(points: readonly FigurePoint[], label: string): Mark {
  return (svg, { x, y, format, margin, width }) => {
    const group = layer(svg, 'Figures');
    const notes: Box[] = [];
    for (const p of points) {
      const span = periodOf(p.date, p.precision);
      const marker = markerFor(p);
      const px = x(midpoint(span));
      const py = y(p.total);
      const g = group().append('g');
      g.append('title').text(p.title ?? defaultTitle(p, label, format));
      if (p.precision !== 'day') {
        const [x0, x1] = [x(span[0]), x(span[1])];
        g.append('path')
          .attr('d', `M${x0},${py - 4}V${py + 4}M${x0},${py}H${x1}M${x1},${py - 4}V${py + 4}`)
          .attr('stroke', ACCENT)
          .attr('stroke-width', 1.5)
          .attr('fill', 'none');
      }
      if (p.low !== p.high) {
        const top = p.high === null ? margin.top + 4 : y(p.high);
        const bottom = p.low === null ? py : y(p.low);
        const arrow = p.high === null ? `M${px - 4},${top + 6}L${px},${top}L${px + 4},${top + 6}` : '';
        g.append('path')
          .attr('d', `M${px},${bottom}V${top}${arrow}`)
          .attr('stroke', ACCENT)
          .attr('stroke-width', 1.5)
          .attr('stroke-dasharray', p.high === null ? '3 2' : null)
          .attr('fill', 'none');
      }
      g.append('path')
        .attr('transform', `translate(${px},${py})`)
        .attr('d', symbol(marker.symbol, 64)() ?? '')
        .attr('fill', marker.filled ? ACCENT : '#ffffff')
        .attr('stroke', ACCENT)
        .attr('stroke-width', 2);
      const spot = p.note ? noteSpot(p.note, px, py, { left: margin.left, right: width - 2 }, notes) : null;
      if (p.note && spot) {
        notes.push(spot.box);
        g.append('text')
          .attr('x', spot.x)
          .attr('y', spot.y)
          .attr('text-anchor', spot.anchor)
          .attr('font-size', 12)
          .attr('fill', SECONDARY_INK)
          .text(p.note);
      }
    }
  };
}

/** A thin line through the figures in date order: how the count moved between them. */
export function trendMark(points: readonly FigurePoint[]): Mark {
  return (svg, { x, y }) => {
    if (points.length < 2) return;
    const d = points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(midpoint(periodOf(p.date, p.precision)))},${y(p.total)}`)
      .join('');
    svg
      .append('path')
      .attr('aria-hidden', 'true')
      .attr('fill', 'none')
      .attr('stroke', '#9ab8d6')
      .attr('stroke-width', 1.5)
      .attr('d', d);
  };
}
