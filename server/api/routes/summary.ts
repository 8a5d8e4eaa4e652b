import { summary } from '../../analytics/summary.js';
import { common, format, phase, query, region } from '../params.js';
import { defineRoute } from '../registry.js';
import { summaryAnswer } from '../responses/areas.js';
import { fileName } from '../shape.js';

export const summaryRoutes = [
  defineRoute({
    path: '/api/v1/summary',
    tag: 'analytics',
    summary: 'Headline figures on a date: members, groups, council areas covered (to one decimal), schools.',
    description: 'Membership is the latest list of the network on or before as_at; 404 when there is none.',
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
        'members_by_region',
      ],
      rows: [
        {
          ...s,
          uncovered: s.uncovered.map((u) => u.la_code).join(';'),
          members_by_region: s.members_by_region.map((r) => `${r.region}: ${r.members}`).join(';'),
        },
      ],
    }),
  }),
];
