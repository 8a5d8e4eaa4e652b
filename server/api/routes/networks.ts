import { z } from 'zod';
import { networks } from '../../analytics/networks.js';
import { asAt, format, query } from '../params.js';
import { defineRoute } from '../registry.js';

const networkSchema = z.object({
  id: z.string(),
  name: z.string(),
  member_label: z.string(),
  group_label: z.string().nullable(),
  description: z.string(),
  snapshot_dates: z.array(z.string()),
  latest: z.object({ as_at: z.string(), members: z.number(), groups: z.number() }).nullable(),
});

export const networkRoutes = [
  defineRoute({
    path: '/api/v1/networks',
    tag: 'networks',
    summary: 'Each network: its labels, its snapshot dates, and its counts on as_at (default: latest).',
    query: query({ as_at: asAt, format }),
    response: z.object({ rows: z.array(networkSchema), total: z.number() }),
    handle: ({ db, query }) => {
      const rows = networks(db, query);
      return { rows, total: rows.length };
    },
    csv: ({ rows }, query) => ({
      name: `networks${query.as_at ? `-${query.as_at}` : ''}`,
      columns: ['id', 'name', 'member_label', 'group_label', 'as_at', 'members', 'groups', 'snapshot_dates'],
      rows: rows.map((n) => ({
        id: n.id,
        name: n.name,
        member_label: n.member_label,
        group_label: n.group_label,
        as_at: n.latest?.as_at,
        members: n.latest?.members,
        groups: n.latest?.groups,
        snapshot_dates: n.snapshot_dates.join(';'),
      })),
    }),
  }),
];
