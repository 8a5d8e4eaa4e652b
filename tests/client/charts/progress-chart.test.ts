// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { progressChart, type ProgressChartInput } from '../../../client/src/charts/progress-chart.js';
import { normaliseSvg } from '../normalise.js';

const point = (
  date: string,
  total: number,
  qualifier = 'exact',
  source = 'milestone',
  high: number | null = total,
): ProgressChartInput['series'][number] => ({
  date,
  precision: date.length === 7 ? 'month' : 'day',
  total,
  qualifier,
  low: total,
  high,
  source,
  source_title: source === 'snapshot' ? 'NCTL list' : 'DfE',
});

const input: ProgressChartInput = {
  title: 'Teaching schools over time',
  memberLabel: 'teaching schools',
  series: [
    point('2011-07', 100),
    point('2013-04-18', 360, 'just over', 'milestone', 396),
    point('2014-05-26', 548),
    point('2018-03-12', 808, 'exact', 'snapshot'),
    point('2019-09-01', 754, 'derived'),
  ],
  targets: [
    {
      value: 500,
      deadline: '2015-03',
      status: 'met',
      reached: { earliest: '2014-04-01', latest: '2014-04-30', words: 'April 2014' },
      fell_below: null,
    },
    {
      value: 600,
      deadline: '2016-10',
      status: 'undetermined',
      reached: {
        earliest: '2014-05-27',
        latest: '2018-03-12',
        words: 'between 27 May 2014 and 12 March 2018',
      },
      fell_below: null,
    },
  ],
  rounds: [
    { round: 1, date: '2011-07', precision: 'month', designated: 100 },
    { round: 3, date: '2013-04-18', precision: 'day', designated: 150 },
    { round: 4, date: '2014-04', precision: 'month', designated: 200 },
  ],
  asAt: '2018-03-12',
};

describe('progressChart: a list of marks', () => {
  it('teaching schools with targets reached in a period, rounds and a chosen date', async () => {
    const svg = progressChart(input);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../__snapshots__/progress-chart.svg');
    const groups = [...svg.querySelectorAll(':scope > g[aria-label]')].map((g) =>
      g.getAttribute('aria-label'),
    );
    expect(groups).toEqual([
      'Recruitment rounds',
      'Targets',
      'Figures',
      'Target labels',
      'Chosen date 12 March 2018',
      'Legend',
    ]);
  });

  it('keeps each figure\u2019s qualifier and precision in its title', () => {
    const titles = [...progressChart(input).querySelectorAll('g[aria-label="Figures"] title')].map(
      (t) => t.textContent,
    );
    expect(titles).toContain('100 teaching schools (published, exact), July 2011. Source: DfE');
    expect(titles).toContain(
      'just over 360 teaching schools (published, "just over" (a little above)), 18 April 2013. Source: DfE',
    );
    expect(titles).toContain(
      '808 teaching schools (count of a member list), 12 March 2018. Source: NCTL list',
    );
  });

  it('draws percentages on a 0-100 scale with the counts a figure allows in its title', async () => {
    const svg = progressChart({
      ...input,
      title: 'Council areas with teaching schools, over time',
      memberLabel: 'council areas covered (%)',
      series: [
        { ...point('2014-05-26', 95), low: 94.7, high: 95.4, title: '95% of 152 council areas (144 or 145)' },
        { ...point('2018-03-12', 98, 'exact', 'snapshot'), title: '98.0% of 152 council areas (149)' },
      ],
      targets: [],
      rounds: [],
      format: (n) => `${n}%`,
      yMax: 100,
    });
    const titles = [...svg.querySelectorAll('g[aria-label="Figures"] title')].map((t) => t.textContent);
    expect(titles[0]).toBe('95% of 152 council areas (144 or 145)');
    expect([...svg.querySelectorAll('.tick text')].map((t) => t.textContent)).toContain('100%');
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../__snapshots__/progress-chart-percent.svg');
  });

  it('an empty series still draws axes and says so', async () => {
    const svg = progressChart({ ...input, series: [], targets: [], rounds: [], asAt: null, title: 'Hubs' });
    expect(svg.querySelector('desc')?.textContent).toBe('No dated figures for teaching schools.');
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../__snapshots__/progress-chart-empty.svg');
  });

  it('names a bad option', () => {
    expect(() => progressChart({ ...input, width: 10 })).toThrow('invalid width: 10');
    expect(() => progressChart({ ...input, asAt: '12/03/2018' })).toThrow('invalid date: "12/03/2018"');
  });
});
