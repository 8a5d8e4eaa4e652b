import { round } from './context.js';
import {
  addDays,
  daysBetween,
  DAYS_PER_MONTH,
  monthsBetween,
  periodEnd,
  spoken,
  type Precision,
} from './dates.js';

/** A dated count of members: a published figure or a count from an imported list. */
export interface CountPoint {
  date: string;
  precision: Precision;
  /** The last day the figure can stand for (the month's end for a month-precision figure). */
  period_end: string;
  total: number;
  qualifier: string;
  source: 'milestone' | 'snapshot';
  source_title: string;
  source_url: string | null;
}

export interface Target {
  metric: string;
  value: number;
  deadline: string;
  deadline_precision: Precision;
  source_title: string;
  source_url: string | null;
}

export type TargetStatus = 'met' | 'missed' | 'on_track' | 'at_risk' | 'undetermined';

export interface TargetResult extends Target {
  deadline_end: string;
  status: TargetStatus;
  /** The date of the first figure at or above the target: it was met on or before this date. */
  met_on: string | null;
  days_early: number | null;
  evidence: string;
  required_per_month: number | null;
  actual_per_month: number | null;
  /** Where the trend (a straight line between figures) reaches the target. */
  forecast_date: string | null;
}

// What each qualifier lets us conclude: 'over 1,000' is at least 1,000; 'about 2,000' proves nothing either way.
const EXACT = new Set(['exact', 'derived']);
const AT_LEAST = new Set(['exact', 'derived', 'over', 'just over']);

export const provesAtLeast = (p: CountPoint, value: number) => AT_LEAST.has(p.qualifier) && p.total >= value;
export const provesBelow = (p: CountPoint, value: number) =>
  (EXACT.has(p.qualifier) || p.qualifier === 'under') && p.total < value;

const QUALIFIER_WORDS: Record<string, string> = { over: 'over ', 'just over': 'just over ', about: 'about ' };
const number = (n: number) => n.toLocaleString('en-GB');

export function describe(p: CountPoint): string {
  const qualifier = QUALIFIER_WORDS[p.qualifier] ?? (p.qualifier === 'around' ? 'around ' : '');
  return `${qualifier}${number(p.total)} on ${p.date} (${p.source_title})`;
}

interface Trend {
  required_per_month: number | null;
  actual_per_month: number | null;
  forecast_date: string | null;
}

const NO_TREND: Trend = { required_per_month: null, actual_per_month: null, forecast_date: null };

/** Rates from a figure below the target: needed to reach it by the deadline, and seen up to a later figure. */
function trend(
  from: CountPoint | undefined,
  to: CountPoint | undefined,
  value: number,
  deadline: string,
): Trend {
  if (!from) return NO_TREND;
  const monthsLeft = monthsBetween(from.period_end, deadline);
  const required = monthsLeft > 0 ? round((value - from.total) / monthsLeft, 1) : null;
  if (!to || monthsBetween(from.period_end, to.period_end) <= 0) {
    return { ...NO_TREND, required_per_month: required };
  }
  const actual = (to.total - from.total) / monthsBetween(from.period_end, to.period_end);
  const forecast =
    actual > 0 ? addDays(from.period_end, ((value - from.total) / actual) * DAYS_PER_MONTH) : null;
  return { required_per_month: required, actual_per_month: round(actual, 1), forecast_date: forecast };
}

/**
 * Whether a target was met, judged only from the figures (sorted by period_end, none after the evaluation date):
 * met when a figure on or before the deadline proves it; missed when the first figure on or after the deadline is
 * still provably below; undetermined when no figure tells; on_track or at_risk while the deadline is ahead.
 */
export function evaluateTarget(
  target: Target,
  points: readonly CountPoint[],
  evaluatedOn: string,
): TargetResult {
  const deadline = periodEnd(target.deadline, target.deadline_precision);
  const goal = number(target.value);
  const by = spoken(target.deadline, target.deadline_precision);
  const result = (status: TargetStatus, evidence: string, t: Trend, met?: CountPoint): TargetResult => ({
    ...target,
    deadline_end: deadline,
    status,
    met_on: met?.date ?? null,
    days_early: met ? daysBetween(met.period_end, deadline) : null,
    evidence,
    ...t,
  });

  const metAt = points.findIndex((p) => p.period_end <= deadline && provesAtLeast(p, target.value));
  if (metAt >= 0) {
    const met = points[metAt]!;
    const below = points.slice(0, metAt).findLast((p) => p.total < target.value);
    const early = daysBetween(met.period_end, deadline);
    const before = below ? `; the figure before, ${describe(below)}, was below` : '';
    return result(
      'met',
      `${describe(met)} is at or above ${goal}, ${early} days before the deadline (${deadline})${before}.`,
      trend(below, met, target.value, deadline),
      met,
    );
  }

  if (deadline > evaluatedOn) return forecastAhead(target, points, deadline, evaluatedOn, result);

  const lastBelow = points.findLast((p) => p.period_end <= deadline && p.total < target.value);
  const next = points.find((p) => p.period_end >= deadline);
  if (next && provesBelow(next, target.value)) {
    return result(
      'missed',
      `${describe(next)}, on or after the deadline (${deadline}), is still below ${goal}.`,
      trend(lastBelow, next, target.value, deadline),
    );
  }
  const last = lastBelow
    ? `The last figure below ${goal} is ${describe(lastBelow)}`
    : `No figure below ${goal} is known`;
  const t = trend(lastBelow, next, target.value, deadline);
  if (!next) {
    return result(
      'undetermined',
      `${last}, and no figure comes after the deadline (${deadline}): whether ${goal} was reached by ${by} ` +
        'cannot be told.',
      t,
    );
  }
  const line = t.forecast_date
    ? ` A straight line between the two reaches ${goal} on ${t.forecast_date}.`
    : '';
  return result(
    'undetermined',
    `${last}; the next figure, ${describe(next)}, is after the deadline (${deadline}). No figure falls between ` +
      `them, so whether ${goal} was reached by ${by} cannot be told.${line}`,
    t,
  );
}

function forecastAhead(
  target: Target,
  points: readonly CountPoint[],
  deadline: string,
  evaluatedOn: string,
  result: (status: TargetStatus, evidence: string, t: Trend) => TargetResult,
): TargetResult {
  const goal = number(target.value);
  const latest = points.at(-1);
  const earlier = latest && points.findLast((p) => monthsBetween(p.period_end, latest.period_end) >= 1);
  if (!latest || !earlier) {
    return result(
      'undetermined',
      `The deadline (${deadline}) is after ${evaluatedOn} and there are too few figures for a trend.`,
      NO_TREND,
    );
  }
  const actual = (latest.total - earlier.total) / monthsBetween(earlier.period_end, latest.period_end);
  const monthsLeft = monthsBetween(latest.period_end, deadline);
  const forecast =
    actual > 0 ? addDays(latest.period_end, ((target.value - latest.total) / actual) * DAYS_PER_MONTH) : null;
  const t = {
    required_per_month: monthsLeft > 0 ? round((target.value - latest.total) / monthsLeft, 1) : null,
    actual_per_month: round(actual, 1),
    forecast_date: forecast,
  };
  const onTrack = forecast !== null && forecast <= deadline;
  return result(
    onTrack ? 'on_track' : 'at_risk',
    `From ${describe(earlier)} to ${describe(latest)} the count changed by ${t.actual_per_month} a month; ` +
      `${t.required_per_month ?? 'n/a'} a month is needed to reach ${goal} by ${deadline}` +
      (forecast ? `; at this rate it is reached on ${forecast}.` : '.'),
    t,
  );
}
