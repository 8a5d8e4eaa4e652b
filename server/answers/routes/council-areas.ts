import { z } from 'zod';
import { councilArea, councilAreas } from '../../analytics/council-areas.js';
import { common, format, laCode, pagingWith, q, query, radiusKm, region } from '../params.js';
import { defineRoute } from '../route-spec.js';
import { councilAreaAnswer, councilAreasAnswer } from '../../contract/areas.js';
import { AREA_COLUMNS } from './coverage.js';
import { ESTABLISHMENT_HEADINGS, EXTRACT_COLUMN, fileName, flat, paged, withExtract } from '../shape.js';

export const councilAreaRoutes = [
  defineRoute({
    path: '/api/v1/council-areas',
    tag: 'council areas',
    summary: 'England\u2019s 152 council areas with the network\u2019s members in each on a date.',
    query: query({ ...common, region, q: q.optional(), radius_km: radiusKm, ...pagingWith(200), format }),
    errors: [404],
    response: councilAreasAnswer,
    handle: ({ db, query }) => paged(councilAreas(db, query), query.limit, query.offset),
    csv: (result, query) => ({
      name: fileName('council-areas', query.network, query.as_at),
      columns: [...AREA_COLUMNS, EXTRACT_COLUMN],
      rows: withExtract(result.rows.map(flat), result.establishments_extract),
      headings: ESTABLISHMENT_HEADINGS,
    }),
  }),
  defineRoute({
    path: '/api/v1/council-areas/:la_code',
    tag: 'council areas',
    summary:
      'One council area: members, groups, establishments, neighbours\u2019 coverage, history over the lists.',
    params: z.strictObject({ la_code: laCode }),
    query: query({ ...common, radius_km: radiusKm }),
    errors: [404],
    response: councilAreaAnswer,
    handle: ({ db, query, params }) => councilArea(db, { ...query, la_code: params.la_code }),
  }),
];
