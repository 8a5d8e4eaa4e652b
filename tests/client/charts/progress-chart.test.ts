// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { progressChart, type ProgressChartInput } from '../../../client/src/charts/progress-chart.js';
import { normaliseSvg } from '../normalise.js';

const input: ProgressChartInput = {
  title: 'Teaching schools over time',
  memberLabel: 'teaching schools',
  series: [
    {
      date: '2011-07',
      precision: 'month',
      total: 100,
      qualifier: 'exact',
      source: 'milestone',
      source_title: 'NCTL',
    },
    {
      date: '2013-04-18',
      precision: 'day',
      total: 360,
      qualifier: 'just over',
      source: 'milestone',
      source_title: 'DfE',
    },
    {
      date: '2014-05-26',
      precision: 'day',
      total: 548,
      qualifier: 'exact',
      source: 'milestone',
      source_title: 'DfE',
    },
    {
      date: '2018-03-12',
      precision: 'day',
      total: 808,
      qualifier: 'exact',
      source: 'snapshot',
      source_title: 'NCTL list',
    },
    {
      date: '2019-09-01',
      precision: 'day',
      total: 754,
      qualifier: 'derived',
      source: 'milestone',
      source_title: null,
    },
  ],
  targets: [
    { value: 500, deadline: '2015-03', status: 'met' },
    { value: 600, deadline: '2016-10', status: 'undetermined' },
  ],
  rounds: [
    { round: 1, date: '2011-07-01', designated: 100 },
    { round: 3, date: '2013-04-18', designated: 150 },
  ],
  asAt: '2018-03-12',
};

describe('progressChart', () => {
  it('teaching schools with targets, rounds and a chosen date', async () => {
    const svg = progressChart(input);
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../__snapshots__/progress-chart.svg');
  });

  it('marks figures by qualifier and precision', () => {
    const svg = progressChart(input);
    const titles = [...svg.querySelectorAll('g[aria-label="Figures"] title')].map((t) => t.textContent);
    expect(titles).toContain('100 teaching schools (published, exact), July 2011. Source: NCTL');
    expect(titles).toContain(
      '360 teaching schools (published, "over" (a lower bound)), 18 April 2013. Source: DfE',
    );
    expect(titles).toContain(
      '808 teaching schools (count of a member list), 12 March 2018. Source: NCTL list',
    );
    const targets = [...svg.querySelectorAll('g[aria-label="Targets"] > g > text')].map((t) => t.textContent);
    expect(targets).toEqual(['Target 500 by March 2015: met', 'Target 600 by October 2016: undetermined']);
  });

  it('draws percentages on a 0-100 scale when given a format and a top', async () => {
    const svg = progressChart({
      ...input,
      title: 'Council areas with teaching schools, over time',
      memberLabel: 'council areas covered',
      series: [
        { ...input.series[2]!, total: 95 },
        { ...input.series[3]!, total: 98 },
      ],
      targets: [],
      format: (n) => `${n}%`,
      yMax: 100,
    });
    const titles = [...svg.querySelectorAll('g[aria-label="Figures"] title')].map((t) => t.textContent);
    expect(titles[0]).toBe('95% council areas covered (published, exact), 26 May 2014. Source: DfE');
    const ticks = [...svg.querySelectorAll('.tick text')].map((t) => t.textContent);
    expect(ticks).toContain('100%');
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
