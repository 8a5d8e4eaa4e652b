import { z } from 'zod';
import { summary } from '../../analytics/summary.js';
import { common, format, phase, query, region } from '../params.js';
import { defineRoute } from '../registry.js';
import { fileName } from '../shape.js';

const summarySchema = z.object({
  network: z.string(),
  as_at: z.string(),
  snapshot_as_at: z.string(),
  members: z.number().int(),
  groups: z.number().int(),
  council_areas_total: z.number().int(),
  council_areas_covered: z.number().int(),
  coverage_pct: z.number(),
  uncovered: z.array(z.object({ la_code: z.string(), name: z.string(), region: z.string().nullable() })),
  schools_total: z.number().int(),
  pupils_in_member_schools: z.number().int().nullable(),
});

export const summaryRoutes = [
  defineRoute({
    path: '/api/v1/summary',
    tag: 'analytics',
    summary: 'Headline figures on a date: members, groups, council areas covered (to one decimal), schools.',
    description: 'Membership is the latest list of the network on or before as_at; 404 when there is none.',
    query: query({ ...common, region, phase, format }),
    response: summarySchema,
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
      ],
      rows: [{ ...s, uncovered: s.uncovered.map((u) => u.la_code).join(';') }],
    }),
  }),
];
