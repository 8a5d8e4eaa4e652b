import { progress } from '../../analytics/progress.js';
import { asAt, format, network, query } from '../params.js';
import { today } from '../version.js';
import { defineRoute } from '../route-spec.js';
import { progressAnswer } from '../responses/progress.js';
import { fileName, flat } from '../shape.js';

export const progressRoutes = [
  defineRoute({
    path: '/api/v1/progress',
    tag: 'analytics',
    summary: 'How the network grew: published figures merged with imported lists, rounds, targets judged.',
    description:
      'as_at here is the date to judge as of (default today): later figures are left out. A target is met when a ' +
      'figure on or before its deadline reaches it ("over 1,000" reaches 1,000; a month-precision figure counts at ' +
      'the month\u2019s end), missed when the first figure on or after the deadline is still below, undetermined ' +
      'when no figure tells (evidence names the figures either side), on_track or at_risk while the deadline is ' +
      'ahead. Undated figures are listed apart. CSV: the series.',
    query: query({ network, as_at: asAt.describe('Judge as on this date (default: today).'), format }),
    response: progressAnswer,
    handle: ({ db, query }) => progress(db, { ...query, today: today() }),
    csv: (result) => ({
      name: fileName('progress', result.network, result.as_at),
      columns: [
        'date',
        'precision',
        'period_end',
        'total',
        'qualifier',
        'source',
        'source_title',
        'source_url',
      ],
      rows: result.series.map(flat),
    }),
  }),
];
