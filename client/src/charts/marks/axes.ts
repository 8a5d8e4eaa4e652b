// The frame's grid and axes: years along the bottom, values up the left, and what the values count.
import { axisBottom, axisLeft, utcFormat, utcYear } from 'd3';
import type { Box, Margin, Mark } from '../plot.js';
import { GRID, SECONDARY_INK } from '../svg.js';
import { textWidth } from '../text.js';

/** About one value label every this many px up the plot: fewer on a short plot, so that labels never touch. */
const TICK_ROOM = 36;

/** How many values to label up a plot `px` tall: up to `most`, never so many that their labels meet. */
export function ticksFor(px: number, most = 6): number {
  return Math.max(2, Math.min(most, Math.floor(px / TICK_ROOM)));
}

const axisTitle = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1);

/** The box of what the values count, drawn `raise` px over the plot (baseline) from its left edge. */
export function axisTitleBox(label: string, margin: Margin, raise: number): Box {
  const baseline = margin.top - raise;
  const w = textWidth(axisTitle(label), { size: 12, fill: SECONDARY_INK });
  return [margin.left, baseline - 12, margin.left + w, baseline + 3];
}

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

/**
 * Years along the bottom, at most one a 70 px: ticks only on 1 January (every year, or every few), so that a short
 * span never repeats a year ('2014 2014 2014 2015'); a span within one year is labelled by month.
 */
export function axisX(): Mark {
  return (svg, { x, height, margin, width }) => {
    const room = Math.max(2, Math.floor((width - margin.left - margin.right) / 70));
    const auto = x.ticks(room);
    // d3 ticks a few years' span by month: labelled by year, those repeat; 1 January of each year instead.
    const yearly = auto.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1);
    const years = yearly ? auto : x.ticks(utcYear.every(1)!);
    const byYear = years.length >= 2;
    svg
      .append('g')
      .attr('aria-hidden', 'true')
      .attr('transform', `translate(0,${height - margin.bottom})`)
      .call(
        axisBottom(x)
          // 6 px below the ticks, not d3's 3: the lowest value's label ('0%') sits on the axis, and with a font of
          // taller ascent (Chromium's own, on a machine without DejaVu) a year beneath it touched it.
          .tickPadding(6)
          .tickValues(byYear ? years : auto)
          .tickFormat((d) => utcFormat(byYear ? '%Y' : '%b %Y')(d as Date)),
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
      .text(axisTitle(label));
  };
}
