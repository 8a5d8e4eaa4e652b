// Recruitment rounds: a round dated by a day is a dotted line; one dated by a month shades the month, since the
// sources do not say which day of it.
import { formatDate, formatInt } from '../../format.js';
import { layer, type Mark } from '../plot.js';
import { SECONDARY_INK } from '../svg.js';
import { periodOf, type DatePrecision } from './periods.js';

export interface RoundMark {
  round: number;
  date: string;
  precision: DatePrecision;
  designated: number | null;
}

export function roundsMark(rounds: readonly RoundMark[]): Mark {
  return (svg, { x, margin, height }) => {
    const group = layer(svg, 'Recruitment rounds');
    for (const r of rounds) {
      const [start, end] = periodOf(r.date, r.precision);
      const x0 = x(start);
      const x1 = Math.max(x(end), x0 + 1);
      const g = group().append('g');
      g.append('title').text(
        `Round ${r.round}, ${formatDate(r.date, r.precision)}` +
          (r.designated === null ? '' : `: ${formatInt(r.designated)} designated`),
      );
      if (r.precision === 'day') {
        g.append('line')
          .attr('x1', x0)
          .attr('x2', x0)
          .attr('y1', margin.top)
          .attr('y2', height - margin.bottom)
          .attr('stroke', SECONDARY_INK)
          .attr('stroke-dasharray', '2 3');
      } else {
        g.append('rect')
          .attr('x', x0)
          .attr('width', x1 - x0)
          .attr('y', margin.top)
          .attr('height', height - margin.bottom - margin.top)
          .attr('fill', SECONDARY_INK)
          .attr('fill-opacity', 0.15);
      }
      g.append('text')
        .attr('x', x1 + 3)
        .attr('y', margin.top + 10)
        .attr('fill', SECONDARY_INK)
        .attr('font-size', 11)
        .text(`R${r.round}${r.designated === null ? '' : ` +${formatInt(r.designated)}`}`);
    }
  };
}
