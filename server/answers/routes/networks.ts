import { networks } from '../../analytics/networks.js';
import { asAt, format, query } from '../params.js';
import { defineRoute } from '../route-spec.js';
import { networksAnswer } from '../../contract/registry.js';

export const networkRoutes = [
  defineRoute({
    path: '/api/v1/networks',
    tag: 'networks',
    summary: 'Each network: its labels, its snapshot dates, and its counts on as_at (default: latest).',
    query: query({ as_at: asAt, format }),
    response: networksAnswer,
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
