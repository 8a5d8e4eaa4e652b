import { boundaries, imports, sources } from '../../analytics/provenance.js';
import { format, oneOf, paging, query, text } from '../params.js';
import { defineRoute, Raw } from '../route-spec.js';
import { importsAnswer, sourcesAnswer, topologyAnswer } from '../../contract/provenance.js';
import { flat } from '../shape.js';

export const provenanceRoutes = [
  defineRoute({
    path: '/api/v1/boundaries',
    tag: 'provenance',
    summary:
      'Boundaries as TopoJSON, as imported or quantized for drawing: council areas (property la_code) or regions.',
    query: query({
      level: oneOf(['council-areas', 'regions']).default('council-areas').describe('Which boundaries.'),
      detail: oneOf(['full', 'map'])
        .default('full')
        .describe('full (default): as imported; map: quantized to about 8 m, a third of the bytes.'),
    }),
    produces: 'application/json',
    errors: [404],
    response: topologyAnswer,
    handle: ({ db, query }) => new Raw('application/json; charset=utf-8', boundaries(db, query).topojson),
  }),
  defineRoute({
    path: '/api/v1/imports',
    tag: 'provenance',
    summary: 'The import record, newest first: file, checksum, rows read and written, outcome.',
    query: query({ kind: text().optional().describe('Only imports of this kind.'), ...paging, format }),
    response: importsAnswer,
    handle: ({ db, query }) => imports(db, query),
    csv: (result) => ({
      name: 'imports',
      columns: Object.keys(result.rows[0] ?? { id: 0 }),
      rows: result.rows.map((r) => flat({ ...r })),
    }),
  }),
  defineRoute({
    path: '/api/v1/sources',
    tag: 'provenance',
    summary:
      'Where the data comes from: the licence and attribution, the files imported, the publications cited.',
    query: query({}),
    response: sourcesAnswer,
    handle: ({ db }) => sources(db),
  }),
];
