import { summary } from '../../analytics/summary.js';
import { common, format, phase, query, region } from '../params.js';
import { defineRoute } from '../route-spec.js';
import { summaryAnswer } from '../../contract/areas.js';
import { ESTABLISHMENT_HEADINGS, EXTRACT_COLUMN, fileName, flat, withExtract } from '../shape.js';

export const summaryRoutes = [
  defineRoute({
    path: '/api/v1/summary',
    tag: 'analytics',
    summary:
      'Headline figures on a date: members, groups, council areas covered (to one decimal), establishments.',
    description:
      'Membership is the list in force on as_at: the network\u2019s latest on or before it, until its next list or ' +
      'the network\u2019s end; 404 when there is none (the message says whether the date is before the first ' +
      'list or after the network ended, and when). published_total is the latest published national total beside ' +
      'the list\u2019s count. CSV: the headline row (by_region and published_total are in the JSON).',
    query: query({ ...common, region, phase, format }),
    response: summaryAnswer,
    errors: [404],
    handle: ({ db, query }) => summary(db, query),
    csv: (s) => ({
      name: fileName('summary', s.network, s.as_at),
      columns: [
        'network',
        'as_at',
        'snapshot_as_at',
        'members',
        'groups',
        'council_areas_total',
        'council_areas_covered',
        'coverage_pct',
        'uncovered',
        'schools_total',
        'pupils_in_member_schools',
        'member_schools_with_pupils',
        EXTRACT_COLUMN,
      ],
      rows: withExtract(
        [{ ...flat(s), uncovered: s.uncovered.map((u) => u.la_code).join(';') }],
        s.establishments_extract,
      ),
      headings: ESTABLISHMENT_HEADINGS,
    }),
  }),
];
