// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { FigurePoint } from '../../../../client/src/charts/marks/figures.js';
import { labelLines, targetLabelsMark } from '../../../../client/src/charts/marks/target-labels.js';
import { targetsMark, type TargetMark } from '../../../../client/src/charts/marks/targets.js';
import type { Mark } from '../../../../client/src/charts/plot.js';
import { drawn, frame } from './frame.js';

const MET_500: TargetMark = {
  value: 500,
  deadline: '2015-03',
  status: 'met',
  reached: { earliest: '2014-04-01', latest: '2014-04-30', words: 'April 2014' },
  fell_below: null,
};

/** The targets and their labels, as the progress chart draws them (labels after the figures). */
const both =
  (targets: TargetMark[], points: FigurePoint[] = []): Mark =>
  (svg, f) => {
    targetsMark(targets)(svg, f);
    targetLabelsMark(targets, points)(svg, f);
  };

const labelsOf = (svg: SVGSVGElement) => [...svg.querySelectorAll('g[aria-label="Target labels"] > text')];

/** A label's words, its lines (if wrapped) joined by spaces. */
const wordsOf = (t: Element): string =>
  t.querySelector('tspan')
    ? [...t.querySelectorAll('tspan')].map((l) => l.textContent).join(' ')
    : (t.textContent ?? '');

describe('targets mark', () => {
  it('a target reached in a period, one undetermined, and one that later fell below', async () => {
    const { svg, text } = drawn(
      both([
        MET_500,
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
    expect(labelsOf(svg).map(wordsOf)).toEqual([
      'Target 500 by March 2015: met (April 2014)',
      'Target 600 by October 2016: undetermined',
      'Target 1,000 by March 2015: met (by 26 May 2014); fell below the target in December 2020',
    ]);
    expect([...svg.querySelectorAll('title')].map((t) => t.textContent)).toContain(
      'Later below 1,000: 991 on 1 December 2020',
    );
    // Every label starts inside the frame.
    for (const t of labelsOf(svg)) expect(Number(t.getAttribute('x'))).toBeGreaterThan(48);
    await expect(text).toMatchFileSnapshot('../../__snapshots__/marks/targets.svg');
  });

  it('moves a label off a figure that sits where it would go, keeping it inside the frame', () => {
    const free = labelsOf(drawn(both([MET_500])).svg)[0]!;
    // 548 on 26 May 2014: above the 500 line, right where the label starts.
    const figure: FigurePoint = {
      date: '2014-05-26',
      precision: 'day',
      total: 548,
      qualifier: 'exact',
      low: 548,
      high: 548,
      source: 'dfe',
      source_title: null,
    };
    const moved = labelsOf(drawn(both([MET_500], [figure])).svg)[0]!;
    expect([free.getAttribute('x'), free.getAttribute('y')]).toEqual(['52', String(frame.y(500) - 8)]);
    expect([moved.getAttribute('x'), moved.getAttribute('y')]).not.toEqual([
      free.getAttribute('x'),
      free.getAttribute('y'),
    ]);
    // Its box (about 7.3 px a character, 12 px high) misses the figure's marker.
    const x = Number(moved.getAttribute('x'));
    const y = Number(moved.getAttribute('y'));
    const width = moved.textContent!.length * 7.3;
    const left = moved.getAttribute('text-anchor') === 'end' ? x - width : x;
    const [fx, fy] = [frame.x(new Date(Date.UTC(2014, 4, 26))), frame.y(548)];
    const clear = fx < left - 6 || fx > left + width + 6 || fy < y - 11 - 6 || fy > y + 3 + 6;
    expect(clear).toBe(true);
    expect(left).toBeGreaterThanOrEqual(frame.margin.left);
    expect(left + width).toBeLessThanOrEqual(frame.width - frame.margin.right + 1);
  });

  it('wraps a label too long for the plot after its colon, then by words, never squeezing it', () => {
    const words = 'Target 500 by March 2015: met (April 2014)';
    expect(labelLines(words, 60)).toEqual([words]);
    expect(labelLines(words, 27)).toEqual(['Target 500 by March 2015:', 'met (April 2014)']);
    expect(labelLines(words, 16)).toEqual(['Target 500 by', 'March 2015:', 'met (April 2014)']);
  });
});
