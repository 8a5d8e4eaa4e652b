// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { targetsMark } from '../../../../client/src/charts/marks/targets.js';
import { drawn } from './frame.js';

describe('targets mark', () => {
  it('a target reached in a period, one undetermined, and one that later fell below', async () => {
    const { svg, text } = drawn(
      targetsMark([
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
        {
          value: 1000,
          deadline: '2015-03',
          status: 'met',
          reached: { earliest: null, latest: '2014-05-26', words: 'by 26 May 2014' },
          fell_below: { date: '2020-12-01', total: 991, qualifier: 'derived' },
        },
      ]),
    );
    const labels = [...svg.querySelectorAll('g[aria-label="Targets"] > g > text')].map((t) => t.textContent);
    expect(labels).toEqual([
      'Target 500 by March 2015: met (April 2014)',
      'Target 600 by October 2016: undetermined',
      'Target 1,000 by March 2015: met (by 26 May 2014)',
    ]);
    expect([...svg.querySelectorAll('title')].map((t) => t.textContent)).toContain(
      'Later below 1,000: 991 on 1 December 2020',
    );
    // Every label starts inside the frame.
    for (const t of svg.querySelectorAll('g[aria-label="Targets"] > g > text'))
      expect(Number(t.getAttribute('x'))).toBeGreaterThan(48);
    await expect(text).toMatchFileSnapshot('../../__snapshots__/marks/targets.svg');
  });
});
