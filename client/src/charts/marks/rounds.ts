// Recruitment rounds: a round dated by a day is a dotted line; one dated by a month shades the month, since the
// sources do not say which day of it.
import { formatDate, formatInt } from '../../format.js';
import { CHAR_PX, layer, type Mark } from '../plot.js';
import { SECONDARY_INK } from '../svg.js';
import { periodOf } from './periods.js';
import type { Precision } from '../../../../common/dates.js';

export interface RoundMark {
  round: number;
  date: string;
  precision: Precision;
  designated: number | null;
}

/**
 * A round's label where it fits: 'R3 +150', else 'R3', else none (its title still names it) when it would run into
 * the label before it or out of the frame.
 */
function roundLabel(r: RoundMark, left: number, free: number, right: number): string | null {
  const words = [`R${r.round}${r.designated === null ? '' : ` +${formatInt(r.designated)}`}`, `R${r.round}`];
  return words.find((w) => left >= free && left + w.length * CHAR_PX <= right) ?? null;
}

export function roundsMark(rounds: readonly RoundMark[]): Mark {
  return (svg, { x, margin, height, width }) => {
    const group = layer(svg, 'Recruitment rounds');
    let free = margin.left;
    for (const r of [...rounds].sort((a, b) => a.date.localeCompare(b.date))) {
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
      const words = roundLabel(r, x1 + 3, free, width - margin.right);
      if (words === null) continue;
      g.append('text')
        .attr('x', x1 + 3)
        .attr('y', margin.top + 12)
        .attr('fill', SECONDARY_INK)
        .text(words);
      free = x1 + 3 + words.length * CHAR_PX + 6;
    }
  };
}
