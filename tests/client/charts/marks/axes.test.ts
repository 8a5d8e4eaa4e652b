// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { scaleUtc } from 'd3';
import { axisX, axisY, gridY, ticksFor } from '../../../../client/src/charts/marks/axes.js';
import { plot } from '../../../../client/src/charts/plot.js';
import { drawn, frame } from './frame.js';

describe('axes marks', () => {
  it('a grid, years along the bottom and values up the left with what they count', async () => {
    const { svg, text } = drawn((s, f) =>
      [gridY(), axisX(), axisY('teaching schools')].forEach((m) => m(s, f)),
    );
    expect([...svg.querySelectorAll('.tick text')].map((t) => t.textContent)).toContain('2014');
    expect(svg.textContent).toContain('Teaching schools');
    await expect(text).toMatchFileSnapshot('../../__snapshots__/marks/axes.svg');
  });

  it('labels a span of a few years once a year, never the same year twice', () => {
    // 2014 to 2021 on a wide chart: d3 alone ticks every few months, each labelled with its year.
    const x = scaleUtc()
      .domain([new Date(Date.UTC(2014, 4, 1)), new Date(Date.UTC(2021, 2, 1))])
      .range([48, 1100]);
    const svg = plot({ ...frame, width: 1116, x, title: 'mark', description: 'one mark', marks: [axisX()] });
    const years = [...svg.querySelectorAll('.tick text')].map((t) => t.textContent);
    expect(years).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021']);
  });

  it('labels fewer values up a short plot, so that their labels never meet', () => {
    expect([ticksFor(300), ticksFor(148), ticksFor(100), ticksFor(40)]).toEqual([6, 4, 2, 2]);
  });
});
