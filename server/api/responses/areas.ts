import { z } from 'zod';
import type { CouncilAreaProfile } from '../../analytics/councilAreas.js';
import type { AreaCoverage, Coverage } from '../../analytics/coverage.js';
import type { Gaps } from '../../analytics/gaps.js';
import type { Summary } from '../../analytics/summary.js';
import type { paged } from '../shape.js';
import { answerOf, answeredFields, count, day, pageOf, text } from './common.js';
import { areaCoverage, areaFields, memberRow, nearbyMember } from './rows.js';

// The answers about council areas: coverage, gaps, the list of areas and one area, and the headline summary.

const radiusKm = z.number().positive().describe('The radius_km asked (default 15).');

export const coverageAnswer = answerOf<ReturnType<typeof paged<Coverage>>>()(
  pageOf(areaCoverage, { ...answeredFields, radius_km: radiusKm }),
);

const gap = areaCoverage.extend({
  rank: count().describe('1 for the area in most need.'),
  reason: z.string().describe('Why it ranks there, in words.'),
  nearest_members: z
    .array(nearbyMember)
    .describe('Up to three members nearest the area that do not serve it, nearest first.'),
});

export const gapsAnswer = answerOf<ReturnType<typeof paged<Gaps>>>()(
  pageOf(gap, { ...answeredFields, radius_km: radiusKm }),
);

export const councilAreasAnswer = answerOf<ReturnType<typeof paged<{ rows: AreaCoverage[] }>>>()(
  pageOf(areaCoverage, {}),
);

export const councilAreaAnswer = answerOf<CouncilAreaProfile>()(
  z.object({
    ...areaFields,
    la_type: text().describe('E.g. Unitary authority, Metropolitan district; null: not known.'),
    ons_code_2011: text().describe('Its ONS code of 2011; null: not known.'),
    ons_code_2013: text().describe('Its ONS code of 2013; null: not known.'),
    ...answeredFields,
    coverage: areaCoverage,
    rank_by_need: count().describe('Its rank in /api/v1/gaps on the same date and radius_km (1: most need).'),
    members: z
      .array(
        memberRow.pick({
          member_key: true,
          urn: true,
          name: true,
          group_id: true,
          group_name: true,
          phase: true,
          la_code: true,
        }),
      )
      .describe('The members serving the area.'),
    groups: z
      .array(z.object({ id: count(), name: z.string(), members_here: count() }))
      .describe('The groups of those members, by name, with how many of them serve the area.'),
    schools_by_phase: z
      .array(z.object({ phase: text(), schools: count(), pupils: count() }))
      .describe('The area\u2019s open establishments by phase, most first.'),
    neighbours: z
      .array(
        areaCoverage.extend({
          adjacent: z
            .boolean()
            .describe('true: shares a boundary; false (an island): one of the three nearest areas.'),
          km: z
            .number()
            .nonnegative()
            .nullable()
            .describe('Between the centres of their schools, to one decimal; null for adjacent areas.'),
        }),
      )
      .describe('Neighbouring areas with their coverage.'),
    nearest_members_outside: z
      .array(nearbyMember)
      .describe('The members nearest the area that do not serve it, nearest first.'),
    history: z
      .array(z.object({ as_at: day(), members: count() }))
      .describe('Members serving the area on each of the network\u2019s lists, oldest first.'),
  }),
);

export const summaryAnswer = answerOf<Summary>()(
  z.object({
    ...answeredFields,
    members: count(),
    groups: count().describe('Distinct groups of the members.'),
    council_areas_total: count().describe('Council areas (of the region, when one is asked for).'),
    council_areas_covered: count().describe('Of those, the areas at least one member serves.'),
    coverage_pct: z
      .number()
      .min(0)
      .max(100)
      .describe('council_areas_covered / council_areas_total as a percentage, to one decimal.'),
    uncovered: z.array(areaCoverage.pick({ la_code: true, name: true, region: true })),
    schools_total: count().describe(
      'Open establishments in those areas (of the phase, when one is asked for).',
    ),
    pupils_in_member_schools: count()
      .nullable()
      .describe(
        'Pupils on roll in member schools (a hub: its lead school); null when none has a known roll.',
      ),
    members_by_region: z
      .array(z.object({ region: z.string(), members: count() }))
      .describe(
        'Members serving each ONS region, by the council areas they serve: each counted once per region (a hub ' +
          'serving areas of two regions is in both; a list\u2019s own areas, such as RSC areas, play no part).',
      ),
  }),
);
