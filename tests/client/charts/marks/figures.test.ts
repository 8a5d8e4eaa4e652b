// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { figuresMark, trendMark, type FigurePoint } from '../../../../client/src/charts/marks/figures.js';
import { drawn } from './frame.js';

const points: FigurePoint[] = [
  {
    date: '2012-12',
    precision: 'month',
    total: 217,
    qualifier: 'exact',
    low: 217,
    high: 217,
    source: 'milestone',
    source_title: 'Leader',
  },
  {
    date: '2013-04-18',
    precision: 'day',
    total: 360,
    qualifier: 'just over',
    low: 360,
    high: 396,
    source: 'milestone',
    source_title: 'Browne Jacobson',
  },
  {
    date: '2014-05-26',
    precision: 'day',
    total: 1000,
    qualifier: 'over',
    low: 1000,
    high: null,
    source: 'milestone',
    source_title: 'DfE',
  },
  {
    date: '2018-03-12',
    precision: 'day',
    total: 808,
    qualifier: 'exact',
    low: 808,
    high: 808,
    source: 'snapshot',
    source_title: 'list',
  },
];

describe('figures mark', () => {
  it('marks each figure by its qualifier, with its period and the values its qualifier allows', async () => {
    const { svg, text } = drawn((s, f) =>
      [trendMark(points), figuresMark(points, 'teaching schools')].forEach((m) => m(s, f)),
    );
    const titles = [...svg.querySelectorAll('g[aria-label="Figures"] title')].map((t) => t.textContent);
    expect(titles).toEqual([
      '217 teaching schools (published, exact), December 2012. Source: Leader',
      'just over 360 teaching schools (published, "just over" (a little above)), 18 April 2013. Source: Browne Jacobson',
      'over 1,000 teaching schools (published, "over" (a lower bound)), 26 May 2014. Source: DfE',
      '808 teaching schools (count of a member list), 12 March 2018. Source: list',
    ]);
    await expect(text).toMatchFileSnapshot('../../__snapshots__/marks/figures.svg');
  });

  it('says a few words beside a mark when given them, such as a share\u2019s denominator', () => {
    const withNote = [{ ...points[0]!, note: '98.7% of 150' }];
    const texts = [...drawn(figuresMark(withNote, 'x')).svg.querySelectorAll('g[aria-label="Figures"] text')];
    expect(texts.map((t) => t.textContent)).toEqual(['98.7% of 150']);
  });

  it('draws nothing for no figures', () => {
    expect(drawn(figuresMark([], 'x')).svg.querySelector('g[aria-label="Figures"]')).toBeNull();
  });
});
