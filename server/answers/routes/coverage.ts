import { coverage } from '../../analytics/coverage.js';
import { gaps } from '../../analytics/gaps.js';
import { common, format, pagingWith, phase, query, radiusKm, region } from '../params.js';
import { defineRoute } from '../route-spec.js';
import { coverageAnswer, gapsAnswer } from '../../contract/areas.js';
import { ESTABLISHMENT_HEADINGS, EXTRACT_COLUMN, fileName, flat, paged, withExtract } from '../shape.js';

export const AREA_COLUMNS = [
  'la_code',
  'name',
  'region_code',
  'region',
  'members',
  'groups',
  'schools',
  'pupils',
  'members_per_100_schools',
  'covered',
  'schools_with_coordinates',
  'schools_beyond_km',
];

const areaFileName = (what: string, r: { network: string; as_at: string; radius_km: number }) =>
  fileName(what, r.network, r.as_at, `${r.radius_km}km`);

const areaQuery = query({ ...common, region, phase, radius_km: radiusKm, ...pagingWith(200), format });

export const coverageRoutes = [
  defineRoute({
    path: '/api/v1/coverage',
    tag: 'analytics',
    summary: 'One row per council area: members, groups, schools, pupils, members per 100 schools, covered.',
    description:
      'schools, schools_beyond_km and members_per_100_schools count establishments: every open GIAS establishment ' +
      'of the area, whatever its phase (their CSV headings say establishments), in the extract nearer as_at ' +
      '(establishments_extract: the GIAS extract of March 2018, or from 30 April 2021 the GIAS register of June ' +
      '2024, which gives no pupils: pupils null). schools_beyond_km counts the ' +
      'area\u2019s located establishments farther than radius_km from every located member (great-circle ' +
      'distances to each school\u2019s nearest member, worked out when a list or the establishments are ' +
      'imported; radius_km is rounded to 0.5 km); null when no member of the list has a location. ' +
      '/council-areas gives the same figure. groups is null for a network without groups.',
    query: areaQuery,
    errors: [404],
    response: coverageAnswer,
    handle: ({ db, query }) => paged(coverage(db, query), query.limit, query.offset),
    csv: (result) => ({
      name: areaFileName('coverage', result),
      columns: [...AREA_COLUMNS, EXTRACT_COLUMN],
      rows: withExtract(result.rows.map(flat), result.establishments_extract),
      headings: ESTABLISHMENT_HEADINGS,
    }),
  }),
  defineRoute({
    path: '/api/v1/gaps',
    tag: 'analytics',
    summary: 'Council areas ranked by need, each with the reason and the nearest members outside it.',
    description:
      'Order: uncovered areas first, then fewest members per school, then most schools beyond radius_km, then code. ' +
      'nearest_members are the members that do not serve the area nearest to any of its own located schools (of ' +
      'the phase): each km is from the school named by from_urn. For hubs (which reach the areas they serve), ' +
      'unserved gives what of each area no hub serves and the establishments in it, where the data says which.',
    query: areaQuery,
    errors: [404],
    response: gapsAnswer,
    handle: ({ db, query }) => paged(gaps(db, query), query.limit, query.offset),
    csv: (result) => ({
      name: areaFileName('gaps', result),
      columns: [
        'rank',
        ...AREA_COLUMNS,
        'reason',
        'nearest_members',
        'unserved_part',
        'unserved_establishments',
        EXTRACT_COLUMN,
      ],
      rows: withExtract(
        result.rows.map((r) => ({
          ...flat(r),
          nearest_members: r.nearest_members
            .map((m) => `${m.name} (${m.la_code ?? '?'}, ${m.km} km)`)
            .join('; '),
          // Hubs: the part no hub serves ('' the whole area) and how many establishments lie in it ('' unknown).
          unserved_part: r.unserved ? (r.unserved.part ?? '') : null,
          unserved_establishments: r.unserved ? (r.unserved.establishments?.length ?? null) : null,
        })),
        result.establishments_extract,
      ),
      headings: ESTABLISHMENT_HEADINGS,
    }),
  }),
];
