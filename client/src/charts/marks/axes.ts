// The frame's grid and axes: years along the bottom, values up the left, and what the values count.
import { axisBottom, axisLeft, utcFormat } from 'd3';
import type { Mark } from '../plot.js';
import { GRID, SECONDARY_INK } from '../svg.js';

/** Horizontal grid lines at the y ticks. */
export function gridY(ticks = 6): Mark {
  return (svg, { x, y }) => {
    const grid = svg.append('g').attr('aria-hidden', 'true');
    for (const tick of y.ticks(ticks)) {
      grid
        .append('line')
        .attr('x1', x.range()[0]!)
        .attr('x2', x.range()[1]!)
        .attr('y1', y(tick))
        .attr('y2', y(tick))
        .attr('stroke', GRID);
    }
  };
}

/** Years along the bottom, about one a 70 px. */
export function axisX(): Mark {
  return (svg, { x, height, margin, width }) => {
    svg
      .append('g')
      .attr('aria-hidden', 'true')
      .attr('transform', `translate(0,${height - margin.bottom})`)
      .call(
        axisBottom(x)
          .ticks(Math.max(2, Math.floor((width - margin.left - margin.right) / 70)))
          .tickFormat((d) => utcFormat('%Y')(d as Date)),
      )
      .call((g) => g.attr('font-family', null).attr('font-size', null));
  };
}

/** Values up the left, and above them (`raise` px over the plot) what they count ('Teaching schools'). */
export function axisY(label: string, ticks = 6, raise = 10): Mark {
  return (svg, { y, margin, format }) => {
    svg
      .append('g')
      .attr('aria-hidden', 'true')
      .attr('transform', `translate(${margin.left},0)`)
      .call(
        axisLeft(y)
          .ticks(ticks)
          .tickFormat((d) => format(Number(d))),
      )
      .call((g) => g.attr('font-family', null).attr('font-size', null))
      .call((g) => g.select('.domain').remove());
    svg
      .append('text')
      .attr('x', margin.left)
      .attr('y', margin.top - raise)
      .attr('fill', SECONDARY_INK)
      .text(label.charAt(0).toUpperCase() + label.slice(1));
  };
}
