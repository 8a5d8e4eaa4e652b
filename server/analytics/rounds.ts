import type { PublishedFigure } from './figures.js';
import type { Precision } from '../../common/dates.js';
import type { Publication } from './publications.js';
import type { CountPoint, RoundStep } from './targets.js';

export interface SeriesPoint extends CountPoint {
  source_quote: string | null;
  publication: Publication | null;
}

export interface Round {
  round: number;
  date: string;
  precision: Precision;
  designated: number | null;
  /** The first published total after the round (before the next), as published. */
  total_after: number | null;
  total_after_qualifier: string | null;
  total_after_date: string | null;
  /** That total less the round's designations: about the count before the round. */
  total_before: number | null;
  total_before_qualifier: string | null;
  source_title: string;
  source_url: string | null;
}

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
  return ordered.map(([number, { figures: own, first }], i) => {
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
      source_title: first.source_title,
      source_url: first.source_url,
    };
  });
}
