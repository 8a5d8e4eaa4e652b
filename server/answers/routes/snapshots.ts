import { snapshotDiff, snapshots } from '../../analytics/snapshots.js';
import { format, isoDate, NETWORKS, network, oneOf, query } from '../params.js';
import { defineRoute } from '../route-spec.js';
import { snapshotDiffAnswer, snapshotsAnswer } from '../../contract/registry.js';
import { fileName, flat } from '../shape.js';

export const snapshotRoutes = [
  defineRoute({
    path: '/api/v1/snapshots',
    tag: 'registry',
    summary: 'Every imported list: network, date, counts and the file it came from.',
    query: query({ network: oneOf(NETWORKS).optional().describe('Only this network.'), format }),
    response: snapshotsAnswer,
    handle: ({ db, query }) => {
      const rows = snapshots(db, query);
      return { rows, total: rows.length };
    },
    csv: (result, query) => ({
      name: fileName('snapshots', query.network),
      columns: [
        'network_id',
        'as_at',
        'members',
        'groups',
        'council_areas_covered',
        'import_id',
        'file_name',
      ],
      rows: result.rows.map(flat),
    }),
  }),
  defineRoute({
    path: '/api/v1/snapshots/diff',
    tag: 'registry',
    summary: 'What changed between the lists in force on two dates: joiners, leavers, group moves, areas.',
    query: query({
      network,
      from: isoDate().describe('The earlier date, YYYY-MM-DD.'),
      to: isoDate().describe('The later date, YYYY-MM-DD.'),
    }),
    errors: [404],
    response: snapshotDiffAnswer,
    handle: ({ db, query }) => snapshotDiff(db, query),
  }),
];
