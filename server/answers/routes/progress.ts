import { progress } from '../../analytics/progress.js';
import { asAt, format, network, query } from '../params.js';
import { today } from '../today.js';
import { defineRoute } from '../route-spec.js';
import { progressAnswer } from '../../contract/progress.js';
import { fileName, flat } from '../shape.js';

export const progressRoutes = [
  defineRoute({
    path: '/api/v1/progress',
    tag: 'analytics',
    summary: 'How the network grew: published figures merged with imported lists, rounds, targets judged.',
    description:
      'as_at here is the date to judge as of (default today): only figures whose publication was out by then are ' +
      'used. Each figure keeps its qualifier and the interval it allows ("over 1,000" is at least 1,000; "just over ' +
      '360" 360 to 396) and its date\u2019s precision (a month-precision figure stands for the whole month). A ' +
      'target is reached in the period after the last figure below it and by the first at or above it, narrowed by ' +
      'a recruitment round between the two: met when that period ends by the deadline, missed when the count was ' +
      'still below after it, undetermined when the period spans the deadline or nothing comes after it, on_track ' +
      'or at_risk from the trend while the deadline is ahead (never forecasting a day before as_at). Undated ' +
      'figures are listed apart. CSV: the series.',
    query: query({ network, as_at: asAt.describe('Judge as on this date (default: today).'), format }),
    response: progressAnswer,
    handle: ({ db, query }) => progress(db, { ...query, today: today() }),
    judgedToday: (query) => query.as_at === undefined,
    csv: (result) => ({
      name: fileName('progress', result.network, result.as_at),
      columns: [
        'date',
        'precision',
        'period_start',
        'period_end',
        'total',
        'qualifier',
        'low',
        'high',
        'source',
        'source_title',
        'source_url',
        'publisher',
        'published',
      ],
      rows: result.series.map((p) => ({
        ...flat(p),
        publisher: p.publication?.publisher ?? null,
        published: p.publication?.published ?? null,
      })),
    }),
  }),
];
