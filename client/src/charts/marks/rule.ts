// The chosen date: a light rule across the frame, labelled with the date; it places the reader, it is not the
// chart's message, so it must not outweigh the figures. Its label sits just above the plot, centred on the rule
// but kept within the plot's width: never over the values' labels at its left, never past its right edge.
import { formatDate } from '../../format.js';
import type { Box, Frame, Mark } from '../plot.js';
import { SECONDARY_INK } from '../svg.js';
import { textWidth } from '../text.js';
import { dayOf } from './periods.js';

/** The label's baseline, this far above the plot. */
const RAISE = 8;

/** Where the date's label goes: its middle and the box it takes (baseline `RAISE` px above the plot). */
export function dateLabelPlace(
  date: string,
  { x, margin, width }: Pick<Frame, 'x' | 'margin' | 'width'>,
): { middle: number; box: Box } {
  const half = textWidth(formatDate(date), { size: 12, fill: SECONDARY_INK }) / 2;
  const middle = Math.max(margin.left + half, Math.min(x(dayOf(date)), width - margin.right - half));
  const baseline = margin.top - RAISE;
  return { middle, box: [middle - half, baseline - 12, middle + half, baseline + 3] };
}

export function dateRule(date: string | null): Mark {
  return (svg, frame) => {
    if (!date) return;
    const { x, margin, height } = frame;
    const ax = x(dayOf(date));
    const g = svg.append('g').attr('aria-label', `Chosen date ${formatDate(date)}`);
    g.append('line')
      .attr('x1', ax)
      .attr('x2', ax)
      .attr('y1', margin.top - 4)
      .attr('y2', height - margin.bottom)
      .attr('stroke', SECONDARY_INK)
      .attr('stroke-opacity', 0.6)
      .attr('stroke-width', 1);
    g.append('text')
      .attr('x', dateLabelPlace(date, frame).middle)
      .attr('y', margin.top - RAISE)
      .attr('text-anchor', 'middle')
      .attr('fill', SECONDARY_INK)
      .text(formatDate(date));
  };
}
