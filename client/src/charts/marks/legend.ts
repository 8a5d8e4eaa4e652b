// The legend: one entry per kind of mark present, laid out in rows that fit the frame's width.
import { symbol } from 'd3';
import { CHAR_PX, type Mark } from '../plot.js';
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

/** Where each entry goes in rows no wider than `room`: [x, row] per entry. */
export function legendLayout(points: readonly FigurePoint[], room: number): [number, number][] {
  let lx = 0;
  let row = 0;
  return legendEntries(points).map((e) => {
    const w = 30 + entryLabel(e).length * CHAR_PX;
    if (lx > 0 && lx + w > room) {
      lx = 0;
      row += 1;
    }
    const at: [number, number] = [lx, row];
    lx += w;
    return at;
  });
}

export const LEGEND_ROW = 18;

export function legendMark(points: readonly FigurePoint[]): Mark {
  return (svg, { margin, width }) => {
    const entries = legendEntries(points);
    if (entries.length === 0) return;
    const layout = legendLayout(points, width - margin.left - margin.right);
    const legend = svg
      .append('g')
      .attr('aria-label', 'Legend')
      .attr('transform', `translate(${margin.left},14)`);
    entries.forEach((e, i) => {
      const label = entryLabel(e);
      const [lx, row] = layout[i]!;
      const g = legend.append('g').attr('transform', `translate(${lx},${row * LEGEND_ROW})`);
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
      g.append('text').attr('x', 22).attr('y', 4).text(label);
    });
  };
}
