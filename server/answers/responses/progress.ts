import { z } from 'zod';
import type { Progress } from '../../analytics/progress.js';
import { answerOf, count, day, networkId, partialDate, text } from './common.js';

// The answer about how a network grew: its published figures and lists, rounds, targets judged.

const precision = z
  .enum(['day', 'month', 'year'])
  .describe('How precise the date is: a month-precision figure stands for the month\u2019s end.');
const figureDate = partialDate().describe('As published: YYYY-MM-DD, YYYY-MM or YYYY.');
const qualifier = z
  .string()
  .describe('How the figure was published: exact, derived, over, just over, about, around, under, ...');
const source = {
  source_title: z.string().describe('The publication (or imported list) the figure comes from.'),
  source_url: text().describe('Its address; null: none known.'),
};
const fromWhere = z
  .enum(['milestone', 'snapshot'])
  .describe('milestone: a published figure; snapshot: counted from an imported list.');

const countPoint = z.object({
  date: figureDate,
  precision,
  period_end: day().describe('The last day the figure can stand for, YYYY-MM-DD.'),
  total: count().describe('Members.'),
  qualifier,
  source: fromWhere,
  ...source,
});

const perMonth = z.number().nullable();

const target = z.object({
  metric: z.string(),
  value: count().describe('The number of members aimed at.'),
  deadline: figureDate,
  deadline_precision: precision,
  ...source,
  deadline_end: day().describe('The last day of the deadline, YYYY-MM-DD.'),
  status: z
    .enum(['met', 'missed', 'on_track', 'at_risk', 'undetermined'])
    .describe('Judged from the figures on or before as_at (see the description above).'),
  met_on: figureDate
    .nullable()
    .describe('The date of the first figure at or above the target; null: not met.'),
  days_early: z
    .number()
    .int()
    .nullable()
    .describe('Days from that figure to the deadline\u2019s end; null: not met.'),
  evidence: z.string().describe('The figures that decide the status, in words.'),
  required_per_month: perMonth.describe(
    'Members a month needed from the last figure below the target to reach it by the deadline, to one ' +
      'decimal; null: no such figure, or no time left.',
  ),
  actual_per_month: perMonth.describe(
    'Members a month seen between two figures, to one decimal; null: no trend.',
  ),
  forecast_date: day()
    .nullable()
    .describe(
      'Where a straight line between figures reaches the target, YYYY-MM-DD; null: no trend, or it never does.',
    ),
});

export const progressAnswer = answerOf<Progress>()(
  z.object({
    network: networkId,
    as_at: day().describe('The date judged as of, YYYY-MM-DD (default: today).'),
    series: z.array(countPoint).describe('Dated member counts, published and from lists, by period_end.'),
    rounds: z
      .array(
        z.object({
          round: count(),
          date: figureDate,
          precision,
          designated: count().nullable().describe('Members designated in the round; null: not published.'),
          total_after: count().nullable().describe('Members after the round; null: not known.'),
          source_title: source.source_title,
        }),
      )
      .describe('Recruitment rounds, in order.'),
    targets: z.array(target),
    coverage_series: z
      .array(
        z.object({
          date: figureDate,
          precision,
          covered: count()
            .nullable()
            .describe('Council areas covered; null when only a percentage was published.'),
          of: count()
            .nullable()
            .describe('Out of how many areas; null when only a percentage was published.'),
          pct: z.number().min(0).max(100).describe('Percentage of areas covered, to one decimal.'),
          qualifier,
          source: fromWhere,
          ...source,
        }),
      )
      .describe('Council areas covered over time, by date.'),
    undated: z
      .array(
        z.object({
          metric: z.string(),
          label: z.string(),
          value: z.number(),
          qualifier,
          ...source,
          source_quote: text().describe('The words the figure is taken from; null: none kept.'),
        }),
      )
      .describe('Published figures without a date: listed, never plotted.'),
  }),
);
