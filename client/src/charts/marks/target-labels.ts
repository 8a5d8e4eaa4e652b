// The targets' labels, drawn over the figures: each above or below its line, at the line's start, ending at its
// deadline or just after it, in the first of those spots that no figure marker, target line or other label crosses.
// A white halo keeps the text legible where the thin trend line passes under it.
import { CHAR_PX, layer, type Frame, type Group, type Mark } from '../plot.js';
import { INK, STATUS_COLOUR } from '../svg.js';
import type { FigurePoint } from './figures.js';
import { figureObstacles, roomiest, type Box, type Segment } from './label-room.js';
import { periodOf } from './periods.js';
import { targetLabel, type TargetMark } from './targets.js';

/** Bold text is about this much wider than regular. */
const BOLD = 1.1;

interface Spot {
  box: Box;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/**
 * Where a label may go, in order of preference (above, then below, its line's start; then its end; then after
 * its deadline), each inside the frame.
 */
function spots(words: string, tx: number, ty: number, { margin, width }: Frame): Spot[] {
  const w = Math.min(words.length * CHAR_PX * BOLD, width - margin.right - margin.left - 8);
  const starts: [number, Spot['anchor']][] = [
    [margin.left + 4, 'start'],
    [tx - 4 - w, 'end'],
    [tx + 8, 'start'],
  ];
  return starts
    .filter(([left]) => left >= margin.left && left + w <= width - margin.right)
    .flatMap(([left, anchor]) =>
      [ty - 8, ty + 17].map((y): Spot => ({
        box: [left, y - 11, left + w, y + 3],
        x: anchor === 'start' ? left : left + w,
        y,
        anchor,
      })),
    );
}

function label(group: Group, words: string, spot: Spot, frame: Frame, colour: string): void {
  const room = frame.width - frame.margin.right - frame.margin.left - 8;
  group
    .append('text')
    .attr('x', spot.x)
    .attr('y', spot.y)
    .attr('text-anchor', spot.anchor === 'end' ? 'end' : null)
    .attr('fill', colour)
    .attr('font-weight', 700)
    .attr('paint-order', 'stroke')
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 4)
    .attr('textLength', words.length * CHAR_PX > room ? room : null)
    .attr('lengthAdjust', 'spacingAndGlyphs')
    .text(words);
}

export function targetLabelsMark(targets: readonly TargetMark[], points: readonly FigurePoint[]): Mark {
  return (svg, frame) => {
    const { x, y, margin } = frame;
    const ends = targets.map((t) => [x(periodOf(t.deadline, 'month')[1]), y(t.value)] as const);
    const lines = ends.map(([tx, ty]): Segment => [margin.left, ty, tx, ty]);
    const strokes = [...figureObstacles(points, frame), ...lines];
    const taken: Box[] = [];
    const group = layer(svg, 'Target labels');
    targets.forEach((t, i) => {
      const words = targetLabel(t);
      const spot = roomiest(spots(words, ...ends[i]!, frame), strokes, taken);
      taken.push(spot.box);
      label(group(), words, spot, frame, STATUS_COLOUR[t.status] ?? INK);
    });
  };
}
