import { search } from '../../analytics/search.js';
import { today } from '../today.js';
import { asAt, integer, NETWORKS, oneOf, query, text } from '../params.js';
import { defineRoute } from '../route-spec.js';
import { searchAnswer } from '../../contract/registry.js';

export const searchRoutes = [
  defineRoute({
    path: '/api/v1/search',
    tag: 'registry',
    summary:
      'Council areas, members, groups and establishments by name: word prefixes, ignoring case and accents (FTS5).',
    query: query({
      q: text().describe('Words; each must start a word of the name ("st thom" finds "St Thomas").'),
      network: oneOf(NETWORKS).optional().describe('Only members and groups of this network (areas always).'),
      kind: oneOf(['council-area', 'member', 'group', 'establishment'])
        .optional()
        .describe(
          'Only this kind of result. Establishments are named as the GIAS register of June 2024 names them.',
        ),
      limit: integer(1, 100, 20).describe('Results, 1-100.'),
      as_at: asAt.describe(
        'Only the council areas in force on this date, YYYY-MM-DD (Cumberland, not Cumbria, in 2025). ' +
          'Default: today\u2019s areas; an area that has ended is found only with a date it was in force.',
      ),
    }),
    response: searchAnswer,
    handle: ({ db, query }) => search(db, { ...query, today: today() }),
  }),
];
