// The chosen date: a light rule across the frame, labelled with the date; it places the reader, it is not the
// chart's message, so it must not outweigh the figures.
import { formatDate } from '../../format.js';
import type { Mark } from '../plot.js';
import { SECONDARY_INK } from '../svg.js';
import { dayOf } from './periods.js';

export function dateRule(date: string | null): Mark {
  return (svg, { x, margin, height, width }) => {
    if (!date) return;
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
      .attr('x', ax)
      .attr('y', margin.top - 8)
      .attr('text-anchor', ax > width - 120 ? 'end' : 'middle')
      .attr('fill', SECONDARY_INK)
      .text(formatDate(date));
  };
}
