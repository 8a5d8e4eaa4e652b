import { z } from 'zod';
import { count, day, networkId, partialDate, periodBoundary, text } from './common.js';

// The answer about how a network grew: its published figures and lists, rounds, targets judged.

const precision = z
  .enum(['day', 'month', 'year'])
  .describe('How precise the date is: a month-precision figure stands for the whole month.');
const figureDate = partialDate().describe('As published: YYYY-MM-DD, YYYY-MM or YYYY.');
const qualifier = z
  .string()
  .describe(
    'How the figure was published: exact, derived (back-calculated from a stated change), over, just over, about, ' +
      'around or under. Kept with the figure everywhere it is shown.',
  );
const bound = (which: string) =>
  z
    .number()
    .nullable()
    .describe(
      `The ${which} value the qualifier allows ("over 1,000": at least 1,000; "just over 360": 360 to 396, a ` +
        'tenth more at most; "about": no bound); null: no bound.',
    );

/** The publication a figure is cited from (analytics' Publication). */
export const publication = z
  .object({
    publisher: text().describe('Who published it; null: not on record.'),
    published: partialDate()
      .nullable()
      .describe('When it was published (not the date its figures refer to); null: the page is undated.'),
    published_precision: z.enum(['day', 'month', 'year', 'unknown']),
    kind: z
      .enum(['primary', 'secondary'])
      .nullable()
      .describe('primary: the body that made the figure; secondary: someone else reporting it.'),
    seen_by: day().nullable().describe('For an undated publication, a day it is known to have existed by.'),
    known_from: day()
      .nullable()
      .describe(
        'The first day it is known to have been out (the end of its published period, or seen_by); a target judged ' +
          'as at an earlier day does not use it. null: unknown, used only when judging as at today.',
      ),
    notes: text(),
  })
  .describe('The publication the figure is cited from.');

const source = {
  source_title: z.string().describe('The publication (or imported list) the figure comes from.'),
  source_url: text().describe('Its address; null: none known.'),
  source_quote: text().describe(
    'The words the figure is taken from; null: none kept (or a list\u2019s count).',
  ),
};
const fromWhere = z
  .enum(['milestone', 'snapshot'])
  .describe('milestone: a published national figure; snapshot: counted from an imported list.');

// What every published or counted point says after its value: how it is qualified, the counts it allows, and where
// it comes from.
const pointSource = {
  qualifier,
  low: bound('lowest'),
  high: bound('highest'),
  source: fromWhere,
  ...source,
  publication: publication.nullable(),
};

const countPoint = z.object({
  date: figureDate,
  precision,
  period_start: day().describe('The first day the figure can stand for, YYYY-MM-DD.'),
  period_end: day().describe('The last day the figure can stand for, YYYY-MM-DD.'),
  total: count().describe('Members, as published (see qualifier).'),
  ...pointSource,
});

const range = (what: string) =>
  z
    .object({
      min: z.number().nullable().describe('null: no lower bound.'),
      max: z.number().nullable().describe('null: no upper bound.'),
    })
    .nullable()
    .describe(what);

const period = (what: string) =>
  z
    .object({
      earliest: day().nullable().describe('On or after this day; null: no earlier bound.'),
      latest: day().nullable().describe('On or before this day; null: no later bound.'),
      precision: z
        .enum(['day', 'month', 'year', 'by', 'between', 'after'])
        .describe(
          'day, month or year when the period is exactly one; by: no earliest; between: any other span.',
        ),
      words: z.string().describe('The period in words: "April 2014", "by 26 May 2014".'),
    })
    .nullable()
    .describe(what);

const target = z.object({
  metric: z.string(),
  value: count().describe('The number of members aimed at.'),
  deadline: figureDate,
  deadline_precision: precision,
  ...source,
  publication,
  deadline_end: day().describe('The last day of the deadline, YYYY-MM-DD.'),
  status: z
    .enum(['met', 'missed', 'on_track', 'at_risk', 'undetermined', 'not_yet_published', 'undated_source'])
    .describe(
      'met: the count reached it by the deadline; missed: still below on or after the deadline; on_track / ' +
        'at_risk: the trend while the deadline is ahead of as_at; undetermined: the evidence cannot tell; ' +
        'not_yet_published: its source came out after as_at, so it is not judged; undated_source: its source is ' +
        'not dated, so it is judged only as at today.',
    ),
  reached: period(
    'When the count first reached the target, as far as the evidence published by as_at tells: after the last ' +
      'figure below it, by the first at or above it, narrowed by a recruitment round between the two. null: no ' +
      'figure shows it reached.',
  ),
  days_early: range(
    'Days from reached.latest (min) and reached.earliest (max) to the deadline\u2019s end; negative: late. ' +
      'null: not reached.',
  ),
  fell_below: z
    .object({
      date: figureDate,
      precision,
      total: count(),
      qualifier,
      source_title: source.source_title,
      source_url: source.source_url,
    })
    .nullable()
    .describe('After it was reached, the first figure showing the count below the target again; null: none.'),
  evidence: z.string().describe('The figures that decide the status, in words.'),
  required_per_month: range(
    'While the deadline is ahead: members a month still needed from the latest figure, as the range its interval ' +
      'and date allow; null otherwise.',
  ),
  actual_per_month: range(
    'While the deadline is ahead: members a month seen between the last two figures a month or more apart; null ' +
      'otherwise.',
  ),
  forecast: period(
    'While the deadline is ahead: when the trend reaches the target, never before as_at; null: met, no trend, ' +
      'the trend never reaches it, or it would already have (the evidence says so).',
  ),
});

const metricPoint = z.object({
  date: figureDate,
  precision,
  period_end: day(),
  value: z.number().describe('As published (see qualifier): a count, or a percentage for a _pct metric.'),
  ...pointSource,
});

export const progressAnswer = z.object({
  network: networkId,
  as_at: day().describe('The date judged as of, YYYY-MM-DD (default: today).'),
  period: z
    .object({ started: periodBoundary.nullable(), ended: periodBoundary.nullable() })
    .describe('When the network started and ended, as published; null where no source says.'),
  series: z
    .array(countPoint)
    .describe('Dated member counts, published by as_at and from lists, by period_end.'),
  rounds: z
    .array(
      z.object({
        round: count(),
        date: figureDate,
        precision,
        designated: count().nullable().describe('Members designated in the round; null: not published.'),
        total_after: count().nullable().describe('The first total published after the round; null: none.'),
        total_after_qualifier: qualifier.nullable(),
        total_after_date: figureDate.nullable(),
        total_before: z
          .number()
          .int()
          .nullable()
          .describe('total_after less the round\u2019s designations: about the count before it.'),
        total_before_qualifier: qualifier.nullable(),
        implies: text().describe(
          'When total_before is below the total after the round before: both figures and what they imply (at ' +
            'least so many fewer between the rounds), in words; null otherwise.',
        ),
        source_title: source.source_title,
        source_url: source.source_url,
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
          .describe('Council areas covered; null when a published percentage allows more than one count.'),
        covered_min: count().describe('The fewest areas the figure allows (95% of 152: 144).'),
        covered_max: count().describe('The most areas the figure allows (95% of 152: 145).'),
        of: count().describe(
          'Out of how many council areas the source counts (152; DfE counted 150 in 2019).',
        ),
        pct: z
          .number()
          .min(0)
          .max(100)
          .describe('As published, at its printed precision; for a count, covered / of to one decimal.'),
        pct_decimals: count().describe('The decimals pct is given to.'),
        qualifier,
        source: fromWhere,
        ...source,
        publication: publication.nullable(),
      }),
    )
    .describe('Council areas covered over time, by date, each with its denominator.'),
  figures: z
    .array(
      z.object({
        metric: z.string(),
        label: z.string(),
        measure: z.string().describe('groups, or other.'),
        related: z
          .boolean()
          .describe(
            'true: a system-leadership figure of no network, published within this network\u2019s period.',
          ),
        points: z.array(metricPoint),
      }),
    )
    .describe(
      'Every other published national figure of the network (alliances, pupils in alliance schools, SLEs, ...), ' +
        'one series per metric; a list\u2019s count of groups is added to the groups series.',
    ),
  undated: z
    .array(
      z.object({
        metric: z.string(),
        label: z.string(),
        related: z.boolean(),
        value: z.number(),
        qualifier,
        ...source,
        publication,
      }),
    )
    .describe('Published figures without a date: listed, never plotted or judged.'),
  extract_change: z
    .object({
      date: day().describe('The first day counted from the later extract (the day after their midpoint).'),
      before: z.string().describe('The extract counted before it, in words with its date.'),
      after: z.string().describe('The extract counted from it.'),
      note: z.string().describe('In words, for beside a chart.'),
    })
    .nullable()
    .describe(
      'Where counts of establishments change extract, so that a series over dates says so rather than show a ' +
        'step as a change in the network; null unless both extracts are held. The series here count members ' +
        'and council areas, not establishments.',
    ),
});

export type Progress = z.output<typeof progressAnswer>;
export type Publication = z.output<typeof publication>;
