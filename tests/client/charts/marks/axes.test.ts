// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { axisX, axisY, gridY } from '../../../../client/src/charts/marks/axes.js';
import { drawn } from './frame.js';

describe('axes marks', () => {
  it('a grid, years along the bottom and values up the left with what they count', async () => {
    const { svg, text } = drawn((s, f) =>
      [gridY(), axisX(), axisY('teaching schools')].forEach((m) => m(s, f)),
    );
    expect([...svg.querySelectorAll('.tick text')].map((t) => t.textContent)).toContain('2014');
    expect(svg.textContent).toContain('Teaching schools');
    await expect(text).toMatchFileSnapshot('../../__snapshots__/marks/axes.svg');
  });
});
