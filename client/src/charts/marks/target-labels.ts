// The targets' labels, drawn over the figures: each above or below its line, at the line's start, ending at its
// deadline or just after it, in the first of those spots that no figure marker, target line or other label crosses.
// A white halo keeps the text legible where the thin trend line passes under it. On a narrow chart a label too long
// for the plot is wrapped (after its colon first), never squeezed.
import { CHAR_PX, layer, type Frame, type Group, type Mark } from '../plot.js';
import { INK, STATUS_COLOUR } from '../svg.js';
import type { FigurePoint } from './figures.js';
import { figureObstacles, roomiest, type Box, type Segment } from './label-room.js';
import { dayOf, periodOf } from './periods.js';
import { statusKey, targetLabel, type TargetMark } from './targets.js';

/** Bold text is about this wide a character, and its lines this far apart. */
const BOLD_PX = CHAR_PX * 1.1;
const LINE = 14;

interface Spot {
  lines: string[];
  box: Box;
  x: number;
  /** The first line's baseline. */
  y: number;
  anchor: 'start' | 'end';
}

/** The label in lines that fit `chars` characters: whole if it fits, else broken after its colon, then by words. */
export function labelLines(words: string, chars: number): string[] {
  if (words.length <= chars) return [words];
  const lines: string[] = [];
  for (const part of words.replace(': ', ':\n').split('\n')) {
    for (const word of part.split(' ')) {
      const last = lines.at(-1);
      if (last !== undefined && !last.endsWith(':') && last.length + 1 + word.length <= chars)
        lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
  }
  return lines;
}

/**
 * Where a label may go, in order of preference (above, then below, its line's start; then its end; then after
 * its deadline), each inside the frame (at the line's start when nothing is).
 */
function spots(lines: string[], tx: number, ty: number, { margin, width }: Frame): Spot[] {
  const w = Math.max(...lines.map((l) => l.length)) * BOLD_PX;
  const tall = (lines.length - 1) * LINE;
  const starts: [number, Spot['anchor']][] = [
    [margin.left + 4, 'start'],
    [tx - 4 - w, 'end'],
    [tx + 8, 'start'],
  ];
  const inside = starts.filter(([left]) => left >= margin.left && left + w <= width - margin.right);
  return (inside.length > 0 ? inside : starts.slice(0, 1)).flatMap(([left, anchor]) =>
    [ty - 8 - tall, ty + 17].map((y): Spot => ({
      lines,
      box: [left, y - 11, left + w, y + tall + 3],
      x: anchor === 'start' ? left : left + w,
      y,
      anchor,
    })),
  );
}

function label(group: Group, { lines, ...spot }: Spot, colour: string): void {
  const text = group
    .append('text')
    .attr('x', spot.x)
    .attr('y', spot.y)
    .attr('text-anchor', spot.anchor === 'end' ? 'end' : null)
    .attr('fill', colour)
    .attr('font-weight', 700)
    .attr('paint-order', 'stroke')
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 4);
  if (lines.length === 1) text.text(lines[0]!);
  else
    lines.forEach((line, i) =>
      text
        .append('tspan')
        .attr('x', spot.x)
        .attr('dy', i === 0 ? 0 : LINE)
        .text(line),
    );
}

/**
 * The labels, clear of the figures, the target lines, the rule at the chosen date (`asAt`, if any) and the boxes
 * `reserved` for other words (the axis title, the date's label).
 */
export function targetLabelsMark(
  targets: readonly TargetMark[],
  points: readonly FigurePoint[],
  asAt: string | null = null,
  reserved: readonly Box[] = [],
): Mark {
  return (svg, frame) => {
    const { x, y, margin, width, height } = frame;
    const chars = Math.floor((width - margin.left - margin.right - 8) / BOLD_PX);
    const ends = targets.map((t) => [x(periodOf(t.deadline, 'month')[1]), y(t.value)] as const);
    const lines = ends.map(([tx, ty]): Segment => [margin.left, ty, tx, ty]);
    const rule: Segment[] = asAt
      ? [[x(dayOf(asAt)), margin.top, x(dayOf(asAt)), height - margin.bottom]]
      : [];
    const strokes = [...figureObstacles(points, frame), ...lines, ...rule];
    const taken: Box[] = [...reserved];
    const group = layer(svg, 'Target labels');
    targets.forEach((t, i) => {
      // As wide as the plot allows first; then wrapped narrower, to fit between the figures.
      const wraps = [chars, Math.floor(chars * 0.6)].map((n) => labelLines(targetLabel(t), n));
      const spot = roomiest(
        wraps.flatMap((lines) => spots(lines, ...ends[i]!, frame)),
        strokes,
        taken,
      );
      taken.push(spot.box);
      label(group(), spot, STATUS_COLOUR[statusKey(t)] ?? INK);
    });
  };
}
