import type { PublishedFigure } from './figures.js';
import { formatDate } from '../../common/dates.js';

const spokenDate = (date: string) => formatDate(date);
import type { Progress } from '../contract/progress.js';
import type { RoundStep } from './targets.js';

/** A dated count of members, with the words it is published in and the publication (null for a list's count). */
export type SeriesPoint = Progress['series'][number];
export type Round = Progress['rounds'][number];

// Recruitment rounds as the sources name them: what each designated, the total published after it, and so about
// how many there were before it (designations happen in rounds, though members also leave between them).

/** The rounds that published how many they designated, with the period each is dated by. */
export function roundSteps(figures: readonly PublishedFigure[]): RoundStep[] {
  return figures
    .filter((f) => f.round !== null && f.measure === 'designated_in_round')
    .map((f) => ({
      round: f.round!,
      designated: f.value,
      date: f.date,
      precision: f.precision,
      start: f.period_start,
      end: f.period_end,
    }))
    .sort((a, b) => a.round - b.round);
}

/** Each round the figures name, with its designations and the totals published after and (about) before it. */
export function rounds(figures: readonly PublishedFigure[], series: readonly SeriesPoint[]): Round[] {
  const byRound = new Map<number, { figures: PublishedFigure[]; first: PublishedFigure }>();
  for (const f of figures) {
    if (f.round === null || f.related) continue;
    const entry = byRound.get(f.round) ?? { figures: [], first: f };
    entry.figures.push(f);
    byRound.set(f.round, entry);
  }
  const ordered = [...byRound.entries()].sort(([a], [b]) => a - b);
  const result = ordered.map(([number, { figures: own, first }], i) => {
    const designatedFigure = own.find((f) => f.measure === 'designated_in_round');
    const totalFigure = own.find((f) => f.measure === 'members');
    // The first round designates the whole network.
    const designated = designatedFigure?.value ?? (number === 1 && totalFigure ? totalFigure.value : null);
    const nextStart = ordered[i + 1]?.[1].first.period_start;
    const end = designatedFigure?.period_end ?? first.period_end;
    const after = series.find(
      (p) => p.period_end >= end && (nextStart === undefined || p.period_end < nextStart),
    );
    const before = after && designated !== null ? after.total - designated : null;
    return {
      round: number,
      date: first.date,
      precision: first.precision,
      designated,
      total_after: after?.total ?? null,
      total_after_qualifier: after?.qualifier ?? null,
      total_after_date: after?.date ?? null,
      total_before: before,
      total_before_qualifier: before === null ? null : before === 0 ? 'exact' : 'about',
      implies: null,
      source_title: first.source_title,
      source_url: first.source_url,
    };
  });
  return result.map((round, i) => ({ ...round, implies: fewerThanBefore(result[i - 1], round) }));
}

/** 'About 348 before round 4 is below just over 360 after round 3 (18 April 2013): at least 12 fewer ...'. */
function fewerThanBefore(previous: Round | undefined, round: Round): string | null {
  if (!previous || previous.total_after === null || round.total_before === null) return null;
  const fewer = previous.total_after - round.total_before;
  if (fewer <= 0) return null;
  const words = (n: number, qualifier: string | null) =>
    `${qualifier && qualifier !== 'exact' ? `${qualifier} ` : ''}${n.toLocaleString('en-GB')}`;
  return (
    `${words(round.total_before, round.total_before_qualifier)} before round ${round.round} ` +
    `(${formatDate(round.date, round.precision)}) is below ${words(previous.total_after, previous.total_after_qualifier)} ` +
    `after round ${previous.round} (${spokenDate(previous.total_after_date!)}): at least ${fewer.toLocaleString('en-GB')} fewer between them, so members ` +
    'left between the rounds, or one of the figures is looser than its words.'
  ).replace(/^./, (c) => c.toUpperCase());
}
