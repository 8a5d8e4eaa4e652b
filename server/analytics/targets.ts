import { round } from './context.js';
import {
  addDays,
  daysBetween,
  DAYS_PER_MONTH,
  monthsBetween,
  periodEnd,
  formatDate,
  type Precision,
} from '../../common/dates.js';
import type { Progress } from '../contract/progress.js';
import { provesAtLeast, provesBelow, qualified } from './qualifiers.js';

// A target is judged only on the evidence published by the judgement date. The count first reaches the target on
// some day the evidence brackets: after the last figure that proves it below, by the first that proves it at or
// above, narrowed by a recruitment round between the two. The status follows from where that period falls against
// the deadline; nothing is carried past the evidence.

/** A target judged: the answer's shape (server/contract/progress.ts), and its parts. */
export type TargetResult = Progress['targets'][number];
/** A target as published, before it is judged. */
export type Target = Pick<
  TargetResult,
  | 'metric'
  | 'value'
  | 'deadline'
  | 'deadline_precision'
  | 'source_title'
  | 'source_url'
  | 'source_quote'
  | 'publication'
>;
/** A dated count of members: a published figure or a count from an imported list. */
export type CountPoint = Omit<Progress['series'][number], 'source_quote' | 'publication'>;
/** A range of numbers; null at an end: no bound that way. */
type Range = NonNullable<TargetResult['days_early']>;
/** The period the evidence allows for a day: on or after earliest, on or before latest. */
type Period = NonNullable<TargetResult['reached']>;
type FigureRef = NonNullable<TargetResult['fell_below']>;
type TargetStatus = TargetResult['status'];

/** A recruitment round with the number it designated and the period it is dated by. */
export interface RoundStep {
  round: number;
  designated: number;
  date: string;
  precision: Precision;
  start: string;
  end: string;
}

const number = (n: number) => n.toLocaleString('en-GB');
const day = (d: string) => formatDate(d, 'day');

/** '548 on 26 May 2014 (DfE press release ...)', '217 in December 2012 (...)', '991 on 1 December 2020 (derived; ...)'. */
export function describe(p: CountPoint): string {
  const on = p.precision === 'day' ? 'on' : 'in';
  const derived = p.qualifier === 'derived' ? 'derived from a stated change; ' : '';
  const source = p.source === 'snapshot' ? 'the count of the imported list' : p.source_title;
  return `${qualified(p.total, p.qualifier)} ${on} ${formatDate(p.date, p.precision)} (${derived}${source})`;
}

const figureRef = (p: CountPoint): FigureRef => ({
  date: p.date,
  precision: p.precision,
  total: p.total,
  qualifier: p.qualifier,
  source_title: p.source_title,
  source_url: p.source_url,
});

/** A period from its ends, named by its precision. */
export function period(earliest: string | null, latest: string | null): Period {
  if (earliest === null && latest === null)
    return { earliest, latest, precision: 'between', words: 'unknown' };
  if (earliest === null) return { earliest, latest, precision: 'by', words: `by ${day(latest!)}` };
  if (latest === null) return { earliest, latest, precision: 'after', words: `on or after ${day(earliest)}` };
  if (earliest === latest) return { earliest, latest, precision: 'day', words: day(earliest) };
  if (earliest.endsWith('-01-01') && latest === periodEnd(earliest.slice(0, 4), 'year')) {
    return { earliest, latest, precision: 'year', words: earliest.slice(0, 4) };
  }
  if (earliest.endsWith('-01') && latest === periodEnd(earliest.slice(0, 7), 'month')) {
    return { earliest, latest, precision: 'month', words: formatDate(earliest, 'month') };
  }
  return { earliest, latest, precision: 'between', words: `between ${day(earliest)} and ${day(latest)}` };
}

interface Bracket {
  earliest: string | null;
  latest: string | null;
  below: CountPoint | undefined;
  above: CountPoint | undefined;
  /** What a recruitment round adds, in words; '' when none narrows the period. */
  step: string;
}

/**
 * The period the count first reaches `value` in: after the last figure below it (before the first at or above),
 * by the first at or above. A round between the two, with an exact total after it, narrows it: designations happen
 * in rounds, so the count before the round was about the total less the round's designations.
 */
function bracket(points: readonly CountPoint[], rounds: readonly RoundStep[], value: number): Bracket {
  const at = points.findIndex((p) => provesAtLeast(p, value));
  const above = at >= 0 ? points[at] : undefined;
  const below = (above ? points.slice(0, at) : points).findLast((p) => provesBelow(p, value));
  let earliest = below ? addDays(below.period_start, 1) : null;
  let latest = above ? above.period_end : null;
  const round = above && above.low === above.high ? lastRoundBetween(rounds, below, above) : undefined;
  if (!above || !round) return { earliest, latest, below, above, step: '' };
  const before = above.total - round.designated;
  const when = formatDate(round.date, round.precision);
  const step = `${number(round.designated)} were designated in round ${round.round} (${when}), so about ${number(before)} before it`;
  if (before < value) {
    earliest = earliest === null || round.start > earliest ? round.start : earliest;
    latest = round.end < latest! ? round.end : latest;
    return { earliest, latest, below, above, step };
  }
  const dayBefore = addDays(round.start, -1);
  latest = dayBefore < latest! ? dayBefore : latest;
  return { earliest, latest, below, above, step: `${step}: ${number(value)} was reached before the round` };
}

/** The last round after the figure below (if any) that ends by the figure above. */
function lastRoundBetween(rounds: readonly RoundStep[], below: CountPoint | undefined, above: CountPoint) {
  return rounds.findLast(
    (r) =>
      (!below || r.start > below.period_end) && r.end <= above.period_end && r.start > (below?.date ?? ''),
  );
}

/**
 * A target not judged as at a date: its source was published after it (not_yet_published), or is undated and the
 * date is in the past (undated_source: it cannot be shown to have been known then).
 */
export function notJudged(target: Target, evaluatedOn: string): TargetResult {
  const known = target.publication.known_from;
  const status: TargetStatus = known === null ? 'undated_source' : 'not_yet_published';
  const evidence =
    known === null
      ? `${target.source_title} is not dated, so it cannot be shown to have been known on ${day(evaluatedOn)}: ` +
        'the target is judged only as at today.'
      : `Not yet published on ${day(evaluatedOn)}: ${target.source_title} is known from ${day(known)}.`;
  return {
    ...target,
    deadline_end: periodEnd(target.deadline, target.deadline_precision),
    status,
    reached: null,
    days_early: null,
    fell_below: null,
    evidence,
    required_per_month: null,
    actual_per_month: null,
    forecast: null,
  };
}

/**
 * Whether a target was met, judged only from the figures given (sorted by period_end, all published by
 * evaluatedOn): met when the count reached it by the deadline; missed when it was still below on or after the
 * deadline; on_track or at_risk from the trend while the deadline is ahead; undetermined when the evidence cannot
 * tell (the period it reached the target in spans the deadline, or no figure comes after the deadline).
 */
export function evaluateTarget(
  target: Target,
  points: readonly CountPoint[],
  rounds: readonly RoundStep[],
  evaluatedOn: string,
): TargetResult {
  const deadline = periodEnd(target.deadline, target.deadline_precision);
  const b = bracket(points, rounds, target.value);
  // Only a figure at or above the target shows it was reached; until then there is no period to give.
  const reached = b.latest === null ? null : period(b.earliest, b.latest);
  const fell = b.above
    ? points.slice(points.indexOf(b.above) + 1).find((p) => provesBelow(p, target.value))
    : undefined;
  const result = (
    status: TargetStatus,
    evidence: string,
    trend: Partial<TargetResult> = {},
  ): TargetResult => ({
    ...target,
    deadline_end: deadline,
    status,
    reached,
    days_early:
      reached === null
        ? null
        : {
            min: daysBetween(b.latest!, deadline),
            max: b.earliest === null ? null : daysBetween(b.earliest, deadline),
          },
    fell_below: fell ? figureRef(fell) : null,
    evidence,
    required_per_month: null,
    actual_per_month: null,
    forecast: null,
    ...trend,
  });
  const words = evidenceWords(target, b, reached, deadline, points, fell);
  if (b.latest !== null && b.latest <= deadline) return result('met', words);
  if (b.earliest !== null && b.earliest > deadline) return result('missed', words);
  if (deadline > evaluatedOn) return forecastAhead(target, points, deadline, evaluatedOn, result);
  return result('undetermined', words);
}

function evidenceWords(
  target: Target,
  b: Bracket,
  reached: Period | null,
  deadline: string,
  points: readonly CountPoint[],
  fell: CountPoint | undefined,
): string {
  const goal = number(target.value);
  const by = `the deadline of ${formatDate(target.deadline, target.deadline_precision)} (${day(deadline)})`;
  const parts: string[] = [];
  if (b.above) parts.push(`${describe(b.above)} is at or above ${goal}`);
  if (b.below) parts.push(`${describe(b.below)} was below it`);
  if (b.step) parts.push(b.step);
  if (parts.length === 0) return `No figure shows whether the count reached ${goal} by ${by}.`;
  let text = `${parts.join('; ')}.`;
  if (reached && b.latest !== null && b.latest <= deadline) {
    const early =
      b.earliest === null ? `at least ${number(daysBetween(b.latest, deadline))}` : daysRange(b, deadline);
    const when =
      ({ month: 'in ', year: 'in ', day: 'on ' } as Record<string, string>)[reached.precision] ?? '';
    text += ` It was reached ${when}${reached.words}, ${early} days before ${by}.`;
  } else if (b.earliest !== null && b.earliest > deadline) {
    text += ` It was still below ${goal} after ${by}: missed.`;
  } else if (b.above) {
    text += ` It was reached ${reached!.words}; ${by} falls within that period, so whether ${goal} was reached by then cannot be told.`;
  } else {
    text += ` No later figure shows whether ${goal} was reached by ${by}.`;
  }
  if (fell) {
    const latest = points.at(-1)!;
    const last =
      latest !== fell && provesBelow(latest, target.value) ? `; the latest, ${describe(latest)}` : '';
    text += ` It later fell below ${goal}: ${describe(fell)}${last}.`;
  }
  return text;
}

function daysRange(b: Bracket, deadline: string): string {
  const min = daysBetween(b.latest!, deadline);
  const max = daysBetween(b.earliest!, deadline);
  return min === max ? number(min) : `${number(min)} to ${number(max)}`;
}

/** The rate between two figures as the range their intervals and periods allow (members a month). */
export function rate(from: CountPoint, to: CountPoint): Range {
  const longest = monthsBetween(from.period_start, to.period_end);
  const shortest = monthsBetween(from.period_end, to.period_start);
  const min = to.low !== null && from.high !== null && longest > 0 ? (to.low - from.high) / longest : null;
  const max = to.high !== null && from.low !== null && shortest > 0 ? (to.high - from.low) / shortest : null;
  return { min: min === null ? null : round(min, 1), max: max === null ? null : round(max, 1) };
}

/** From the latest figure, the members a month still needed to reach `value` by the deadline (a range). */
function requiredRate(latest: CountPoint, value: number, deadline: string): Range {
  const longest = monthsBetween(latest.period_start, deadline);
  const shortest = monthsBetween(latest.period_end, deadline);
  return {
    min: latest.high !== null && longest > 0 ? round((value - latest.high) / longest, 1) : null,
    max: latest.low !== null && shortest > 0 ? round((value - latest.low) / shortest, 1) : null,
  };
}

/** When the trend reaches `value` from the latest figure: soonest at the fastest rate, slowest at the slowest. */
function reachDays(latest: CountPoint, value: number, actual: Range) {
  const reach = (from: string, still: number | null, perMonth: number | null) =>
    still === null || perMonth === null || perMonth <= 0
      ? null
      : addDays(from, (still / perMonth) * DAYS_PER_MONTH);
  return {
    soonest: reach(latest.period_start, latest.high === null ? null : value - latest.high, actual.max),
    slowest: reach(latest.period_end, latest.low === null ? null : value - latest.low, actual.min),
  };
}

function forecastAhead(
  target: Target,
  points: readonly CountPoint[],
  deadline: string,
  evaluatedOn: string,
  result: (status: TargetStatus, evidence: string, trend?: Partial<TargetResult>) => TargetResult,
): TargetResult {
  const latest = points.findLast((p) => p.low !== null || p.high !== null);
  const earlier =
    latest && points.findLast((p) => p !== latest && monthsBetween(p.period_end, latest.period_start) >= 1);
  if (!latest || !earlier) {
    return result(
      'undetermined',
      `The deadline (${day(deadline)}) is after ${day(evaluatedOn)} and there are too few figures for a trend.`,
    );
  }
  const rates = {
    actual_per_month: rate(earlier, latest),
    required_per_month: requiredRate(latest, target.value, deadline),
  };
  const { soonest, slowest } = reachDays(latest, target.value, rates.actual_per_month);
  const trend =
    `From ${describe(earlier)} to ${describe(latest)} the count grew by ${rangeWords(rates.actual_per_month)} a ` +
    `month; ${rangeWords(rates.required_per_month)} a month is needed to reach ${number(target.value)} by ${day(deadline)}`;
  if (soonest === null) return result('at_risk', `${trend}; at this rate it is not reached.`, rates);
  // Never forecast a day before the judgement date: by then, only a published figure could show it was reached.
  if (slowest !== null && slowest < evaluatedOn) {
    const when = period(soonest, slowest).words;
    return result(
      'on_track',
      `${trend}; at this rate it would have been reached ${when}, before ${day(evaluatedOn)}, but no figure published by then shows it.`,
      rates,
    );
  }
  const forecast = period(soonest < evaluatedOn ? evaluatedOn : soonest, slowest);
  const onTrack = slowest !== null && slowest <= deadline;
  return result(onTrack ? 'on_track' : 'at_risk', `${trend}; at this rate it is reached ${forecast.words}.`, {
    ...rates,
    forecast,
  });
}

function rangeWords(r: Range): string {
  if (r.min === null && r.max === null) return 'an unknown number';
  if (r.min === null) return `at most ${r.max}`;
  if (r.max === null) return `at least ${r.min}`;
  return r.min === r.max ? String(r.min) : `${r.min} to ${r.max}`;
}
