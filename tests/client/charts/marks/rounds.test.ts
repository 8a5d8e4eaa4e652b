// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { roundsMark } from '../../../../client/src/charts/marks/rounds.js';
import { drawn } from './frame.js';

describe('rounds mark', () => {
  it('a line for a round dated by a day, the shaded month for one dated by a month', async () => {
    const { svg, text } = drawn(
      roundsMark([
        { round: 3, date: '2013-04-18', precision: 'day', designated: 150 },
        { round: 4, date: '2014-04', precision: 'month', designated: 200 },
      ]),
    );
    expect(svg.querySelectorAll('g[aria-label="Recruitment rounds"] line')).toHaveLength(1);
    expect(svg.querySelectorAll('g[aria-label="Recruitment rounds"] rect')).toHaveLength(1);
    expect([...svg.querySelectorAll('title')].map((t) => t.textContent)).toContain(
      'Round 4, April 2014: 200 designated',
    );
    await expect(text).toMatchFileSnapshot('../../__snapshots__/marks/rounds.svg');
  });
});
