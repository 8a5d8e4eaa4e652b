// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { legendEntries, legendMark } from '../../../../client/src/charts/marks/legend.js';
import { dateLabelPlace, dateRule } from '../../../../client/src/charts/marks/rule.js';
import type { FigurePoint } from '../../../../client/src/charts/marks/figures.js';
import { drawn, frame } from './frame.js';

const point = (qualifier: string, precision: 'day' | 'month', high: number | null = 10): FigurePoint => ({
  date: precision === 'day' ? '2014-05-26' : '2014-05',
  precision,
  total: 10,
  qualifier,
  low: 10,
  high,
  source: 'milestone',
  source_title: null,
});

describe('date rule mark', () => {
  it('a labelled rule at the chosen date, nothing without one', async () => {
    const { svg, text } = drawn(dateRule('2018-03-12'));
    expect(svg.querySelector('g[aria-label="Chosen date 12 March 2018"] text')?.textContent).toBe(
      '12 March 2018',
    );
    await expect(text).toMatchFileSnapshot('../../__snapshots__/marks/rule.svg');
    expect(drawn(dateRule(null)).svg.querySelector('line')).toBeNull();
  });

  it('keeps the label over the plot at either edge: never on the values\u2019 labels at the left', () => {
    const { left, right } = { left: frame.margin.left, right: frame.width - frame.margin.right };
    for (const date of ['2011-01-02', '2021-12-30']) {
      const [from, , to] = dateLabelPlace(date, frame).box;
      expect(from).toBeGreaterThanOrEqual(left);
      expect(to).toBeLessThanOrEqual(right);
    }
  });
});

describe('legend mark', () => {
  it('one entry per kind of mark present, in rows that fit the frame', async () => {
    const points = [point('exact', 'day'), point('just over', 'month', 11), point('derived', 'day')];
    expect(legendEntries(points)).toHaveLength(5);
    const { svg, text } = drawn(legendMark(points));
    expect([...svg.querySelectorAll('g[aria-label="Legend"] text')].map((t) => t.textContent)).toEqual([
      'published, exact',
      'published, "just over" (a little above)',
      'derived from a stated change',
      'the month or year a figure is dated by',
      'the values its qualifier allows',
    ]);
    await expect(text).toMatchFileSnapshot('../../__snapshots__/marks/legend.svg');
  });
});
