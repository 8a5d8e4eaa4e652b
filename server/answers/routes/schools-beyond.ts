import { roundRadius } from '../../analytics/context.js';
import { schoolsBeyond } from '../../analytics/schools-beyond.js';
import { common, decimal, format, laCode, pagingWith, phase, query, region } from '../params.js';
import { defineRoute } from '../route-spec.js';
import { schoolsBeyondAnswer } from '../../contract/schools-beyond.js';
import { EXTRACT_COLUMN, fileName, flat, withExtract } from '../shape.js';

export const SCHOOLS_BEYOND_COLUMNS = [
  'urn',
  'name',
  'phase',
  'la_code',
  'la_name',
  'region',
  'km',
  'nearest_member_key',
  'nearest_member_name',
  'nearest_member_la_code',
  'gias_url',
];

export const schoolsBeyondRoutes = [
  defineRoute({
    path: '/api/v1/schools-beyond',
    tag: 'analytics',
    summary:
      'The schools farther than a radius from every member, each with its nearest member: the reach list.',
    description:
      'For a council area (la_code), a region or England: every located establishment (of the phase) farther ' +
      'than radius_km from every located member (of the phase), farthest first, with the nearest member and its ' +
      'distance. An area\u2019s total equals its schools_beyond_km in /api/v1/coverage. GIAS data here has no ' +
      'school names: a school is named only when it is on a member list, and gias_url links to its record. ' +
      '404 when no member of the list has a location (hubs).',
    query: query({
      ...common,
      radius_km: decimal(1, 50, 15, (km) => roundRadius(km).km).describe(
        'Distance in km, 1-50, rounded to the nearest 0.5 km as coverage rounds it: schools farther than this ' +
          'are listed.',
      ),
      la_code: laCode.optional().describe('Only this council area (DfE or ONS code); not with region.'),
      region,
      phase,
      ...pagingWith(100),
      format,
    }),
    errors: [404],
    response: schoolsBeyondAnswer,
    handle: ({ db, query }) => schoolsBeyond(db, query),
    csv: (result) => ({
      name: fileName(
        'schools-beyond',
        result.network,
        result.as_at,
        `${result.radius_km}km`,
        result.la_code ?? result.region,
        result.phase,
      ),
      columns: [...SCHOOLS_BEYOND_COLUMNS, EXTRACT_COLUMN],
      rows: withExtract(result.rows.map(flat), result.establishments_extract),
    }),
  }),
];
