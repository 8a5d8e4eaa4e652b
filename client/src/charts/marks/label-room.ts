// Room for a label: the chart's figures (their markers, whiskers and the bars of the values their qualifier
// allows) as obstacles, and the first of a label's candidate boxes that none of them crosses.
import { overlaps, type Box, type Frame } from '../plot.js';

export type { Box };
import type { FigurePoint } from './figures.js';
import { midpoint, periodOf } from './periods.js';

/** A straight stroke from one point to another; a marker is four short ones across its middle. */
export type Segment = [number, number, number, number];

/** How far a marker reaches from its centre, and the gap kept around a label. */
const MARKER_R = 6;
const PAD = 2;

/**
 * The strokes of the figures a label must not cover: each marker, the whisker across the period its date stands
 * for, and the bar of the values its qualifier allows. (The thin line through them may pass under a label.)
 */
export function figureObstacles(points: readonly FigurePoint[], frame: Frame): Segment[] {
  const { x, y, margin } = frame;
  return points.flatMap((p): Segment[] => {
    const span = periodOf(p.date, p.precision);
    const [px, py] = [x(midpoint(span)), y(p.total)];
    const strokes: Segment[] = [
      [px - MARKER_R, py, px + MARKER_R, py],
      [px, py - MARKER_R, px, py + MARKER_R],
      [px - MARKER_R, py - MARKER_R, px + MARKER_R, py + MARKER_R],
      [px - MARKER_R, py + MARKER_R, px + MARKER_R, py - MARKER_R],
      [x(span[0]), py, x(span[1]), py],
    ];
    if (p.low !== p.high)
      strokes.push([px, p.low === null ? py : y(p.low), px, p.high === null ? margin.top : y(p.high)]);
    return strokes;
  });
}

/** Whether a stroke crosses the box (grown by the gap kept around labels): its points, sampled every pixel. */
function crosses([x1, y1, x2, y2]: Segment, [left, top, right, bottom]: Box): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1)));
  for (let i = 0; i <= steps; i++) {
    const px = x1 + ((x2 - x1) * i) / steps;
    const py = y1 + ((y2 - y1) * i) / steps;
    if (px >= left - PAD && px <= right + PAD && py >= top - PAD && py <= bottom + PAD) return true;
  }
  return false;
}

/** How many obstacles (strokes, and boxes already taken) a box meets. */
export function clashes(box: Box, strokes: readonly Segment[], taken: readonly Box[]): number {
  return strokes.filter((s) => crosses(s, box)).length + taken.filter((other) => overlaps(box, other)).length;
}

/** The first candidate that meets nothing, else the one that meets least (the first of those). */
export function roomiest<T extends { box: Box }>(
  candidates: readonly T[],
  strokes: readonly Segment[],
  taken: readonly Box[],
): T {
  let best = candidates[0]!;
  let fewest = Infinity;
  for (const c of candidates) {
    const n = clashes(c.box, strokes, taken);
    if (n === 0) return c;
    if (n < fewest) [best, fewest] = [c, n];
  }
  return best;
}
