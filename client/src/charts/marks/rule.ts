// The chosen date: a rule across the frame, labelled with the date.
import { formatDate } from '../../format.js';
import type { Mark } from '../plot.js';
import { INK } from '../svg.js';
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
      .attr('stroke', INK)
      .attr('stroke-width', 2);
    g.append('text')
      .attr('x', ax)
      .attr('y', margin.top - 8)
      .attr('text-anchor', ax > width - 120 ? 'end' : 'middle')
      .attr('font-weight', 700)
      .text(formatDate(date));
  };
}
