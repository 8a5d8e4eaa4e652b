// The legend: one entry per kind of mark present, laid out in rows that fit the frame's width.
import { symbol } from 'd3';
import { CHAR_PX, type Margin, type Mark } from '../plot.js';
import { ACCENT } from '../svg.js';
import type { FigurePoint } from './figures.js';
import { markerFor, type Marker } from './markers.js';

type Entry = { kind: 'marker'; marker: Marker } | { kind: 'path'; d: string; dashed: boolean; label: string };

/** The entries the figures need: their markers, then a bar for periods and one for intervals when present. */
export function legendEntries(points: readonly FigurePoint[]): Entry[] {
  const markers = new Map<string, Marker>();
  for (const p of points) {
    const m = markerFor(p);
    markers.set(m.label, m);
  }
  const entries: Entry[] = [...markers.values()].map((marker) => ({ kind: 'marker', marker }));
  if (points.some((p) => p.precision !== 'day')) {
    entries.push({
      kind: 'path',
      d: 'M0,-4V4M0,0H16M16,-4V4',
      dashed: false,
      label: 'the month or year a figure is dated by',
    });
  }
  if (points.some((p) => p.low !== p.high)) {
    entries.push({ kind: 'path', d: 'M8,6V-6', dashed: false, label: 'the values its qualifier allows' });
  }
  return entries;
}

const entryLabel = (e: Entry) => (e.kind === 'marker' ? e.marker.label : e.label);

/** Where the legend starts and how wide it may be: over the plot, or the whole width on a narrow chart. */
export function legendBox(width: number, margin: Margin): { x: number; room: number } {
  return width < 480
    ? { x: 8, room: width - 16 }
    : { x: margin.left, room: width - margin.left - margin.right };
}

/** A label's lines, each fitting the room beside its symbol (a word longer than that keeps a line of its own). */
function labelLines(label: string, room: number): string[] {
  const fits = Math.max(8, Math.floor((room - 30) / CHAR_PX));
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= fits)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export interface LegendLayout {
  /** Per entry: its x, its first row, and its label's lines. */
  entries: { x: number; row: number; lines: string[] }[];
  rows: number;
}

/** The entries in rows no wider than `room`; an entry whose label does not fit on one line takes several rows. */
export function legendLayout(points: readonly FigurePoint[], room: number): LegendLayout {
  let lx = 0;
  let row = 0;
  const entries = legendEntries(points).map((e) => {
    const lines = labelLines(entryLabel(e), room);
    const w = 30 + Math.max(...lines.map((l) => l.length)) * CHAR_PX;
    if (lx > 0 && (lx + w > room || lines.length > 1)) {
      lx = 0;
      row += 1;
    }
    const at = { x: lx, row, lines };
    lx += w;
    if (lines.length > 1) {
      row += lines.length - 1;
      lx = room; // the next entry starts a row of its own
    }
    return at;
  });
  return { entries, rows: entries.length === 0 ? 0 : row + 1 };
}

export const LEGEND_ROW = 18;

export function legendMark(points: readonly FigurePoint[]): Mark {
  return (svg, { margin, width }) => {
    const entries = legendEntries(points);
    if (entries.length === 0) return;
    const box = legendBox(width, margin);
    const layout = legendLayout(points, box.room);
    const legend = svg.append('g').attr('aria-label', 'Legend').attr('transform', `translate(${box.x},14)`);
    entries.forEach((e, i) => {
      const { x, row, lines } = layout.entries[i]!;
      const g = legend.append('g').attr('transform', `translate(${x},${row * LEGEND_ROW})`);
      if (e.kind === 'marker') {
        g.append('path')
          .attr('transform', 'translate(6,0)')
          .attr('d', symbol(e.marker.symbol, 48)() ?? '')
          .attr('fill', e.marker.filled ? ACCENT : '#ffffff')
          .attr('stroke', ACCENT)
          .attr('stroke-width', 2);
      } else {
        g.append('path').attr('d', e.d).attr('stroke', ACCENT).attr('stroke-width', 1.5).attr('fill', 'none');
      }
      const text = g.append('text').attr('x', 22).attr('y', 4);
      if (lines.length === 1) text.text(lines[0]!);
      else
        lines.forEach((line, n) =>
          text
            .append('tspan')
            .attr('x', 22)
            .attr('dy', n === 0 ? 0 : LEGEND_ROW)
            .text(line),
        );
    });
  };
}
