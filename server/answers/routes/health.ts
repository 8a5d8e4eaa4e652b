import { z } from 'zod';
import { noQuery } from '../params.js';
import { defineRoute } from '../route-spec.js';

export const healthRoutes = [
  defineRoute({
    path: '/healthz',
    tag: 'meta',
    summary: 'Liveness: the database is open; says which data version the server answers from.',
    query: noQuery,
    cache: false,
    response: z.object({
      status: z.literal('ok'),
      data_version: z.object({ import_id: z.number().int().nullable(), finished_at: z.string().nullable() }),
    }),
    handle: ({ dataVersion }) => ({ status: 'ok' as const, data_version: dataVersion }),
  }),
];
