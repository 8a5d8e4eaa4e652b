// Targets: a dashed line at the value up to the deadline, a tick at the deadline, a band over the period the
// evidence says the count reached it in, and a mark where it later fell below. Their labels, which name the status
// in words, are drawn over the figures by target-labels.ts.
import { formatDate, formatInt } from '../../format.js';
import { layer, type Mark } from '../plot.js';
import { INK, STATUS_COLOUR } from '../svg.js';
import { statusWords } from './markers.js';
import { dayOf, periodOf } from './periods.js';

export interface TargetMark {
  value: number;
  deadline: string;
  status: string;
  /** When the count reached it, as far as the evidence tells; null: not shown reached. */
  reached: { earliest: string | null; latest: string | null; words: string } | null;
  fell_below: { date: string; total: number; qualifier: string } | null;
}

export function targetLabel(t: TargetMark): string {
  const reached = t.status === 'met' && t.reached ? ` (${t.reached.words})` : '';
  const fell = t.fell_below ? `; fell below the target in ${formatDate(t.fell_below.date, 'month')}` : '';
  return `Target ${formatInt(t.value)} by ${formatDate(t.deadline, 'month')}: ${statusWords(t.status)}${reached}${fell}`;
}

/** The key of a target's colour: its status, or met_fell_below for one met that later fell below. */
export function statusKey(t: Pick<TargetMark, 'status' | 'fell_below'>): string {
  return t.status === 'met' && t.fell_below ? 'met_fell_below' : t.status;
}

type Frame = Parameters<Mark>[1];
type G = ReturnType<ReturnType<typeof layer>>;

/** The period the evidence says the target was reached in: a band at its height. */
function reachedBand(g: G, t: TargetMark, { x, y, margin, width }: Frame, colour: string): void {
  if (!t.reached) return;
  const x0 = t.reached.earliest ? x(dayOf(t.reached.earliest)) : margin.left;
  const x1 = t.reached.latest ? x(dayOf(t.reached.latest)) : width - margin.right;
  g.append('rect')
    .attr('x', x0)
    .attr('width', Math.max(2, x1 - x0))
    .attr('y', y(t.value) - 5)
    .attr('height', 10)
    .attr('fill', colour)
    .attr('fill-opacity', 0.3)
    .append('title')
    .text(`Reached ${t.reached.words}: the period the evidence allows`);
}

/** Where the count later fell below the target: a small mark on its line. */
function fellBelowMark(g: G, t: TargetMark, { x, y }: Frame, colour: string): void {
  if (!t.fell_below) return;
  g.append('path')
    .attr('transform', `translate(${x(dayOf(t.fell_below.date))},${y(t.value)})`)
    .attr('d', 'M-5,-4H5L0,5Z')
    .attr('fill', colour)
    .append('title')
    .text(
      `Later below ${formatInt(t.value)}: ${formatInt(t.fell_below.total)} on ${formatDate(t.fell_below.date)}`,
    );
}

/** The targets' lines, ticks and bands (their labels are drawn over the figures by targetLabelsMark). */
export function targetsMark(targets: readonly TargetMark[]): Mark {
  return (svg, frame) => {
    const { x, y, margin } = frame;
    const group = layer(svg, 'Targets');
    for (const t of targets) {
      const colour = STATUS_COLOUR[statusKey(t)] ?? INK;
      const tx = x(periodOf(t.deadline, 'month')[1]);
      const ty = y(t.value);
      const g = group().append('g');
      const words = targetLabel(t);
      g.append('title').text(words);
      reachedBand(g, t, frame, colour);
      g.append('line')
        .attr('x1', margin.left)
        .attr('x2', tx)
        .attr('y1', ty)
        .attr('y2', ty)
        .attr('stroke', colour)
        .attr('stroke-width', 1.5)
        .attr('stroke-dasharray', '6 4');
      g.append('path')
        .attr('transform', `translate(${tx},${ty})`)
        .attr('d', 'M0,-7V7M-5,-7H5')
        .attr('stroke', colour)
        .attr('stroke-width', 2)
        .attr('fill', 'none');
      fellBelowMark(g, t, frame, colour);
    }
  };
}
