import { z } from 'zod';
import { answeredFields, count, day, groupsNote, pageOf, partialDate, text } from './common.js';
import { publication } from './progress.js';
import { areaCoverage, areaFields, establishmentsExtract, memberRow, nearbyMember } from './rows.js';

// The answers about council areas: coverage, gaps, the list of areas and one area, and the headline summary.

const radiusKm = z
  .number()
  .positive()
  .describe('The radius_km asked (default 15), rounded to the nearest 0.5 km as every figure uses it.');
const nearestMeasuredFrom = z
  .string()
  .describe(
    'How the nearest members outside an area are measured, in words: from the area\u2019s own schools.',
  );

export const coverageAnswer = pageOf(areaCoverage, {
  ...answeredFields,
  radius_km: radiusKm,
  establishments_extract: establishmentsExtract.nullable(),
});

export const gap = areaCoverage.extend({
  rank: count().describe('1 for the area in most need.'),
  reason: z.string().describe('Why it ranks there, in words.'),
  nearest_members: z
    .array(nearbyMember)
    .describe('Up to three members nearest the area that do not serve it, nearest first.'),
  unserved: z
    .object({
      part: text().describe('null: the whole area; else its districts no hub names.'),
      establishments: z
        .array(
          z.object({
            urn: count(),
            name: text().describe(
              'As the GIAS register of June 2024 names it (else a member list); null: neither.',
            ),
            phase: text(),
            la_code: z
              .string()
              .describe('The council area it is placed in on the day (a later area, for a part).'),
          }),
        )
        .nullable()
        .describe(
          'The establishments (of the phase) no hub serves, by name; null: the data cannot say which they are ' +
            '(they are placed no finer than council areas, and a list may name parts no source defines).',
        ),
      note: text().describe('What cannot be said, in words; null when the list is all of the part.'),
    })
    .nullable()
    .describe(
      'Hubs: what of the area no hub serves, with its establishments. null: served whole, or a network of ' +
        'schools (measured by distance instead).',
    ),
});

export const gapsAnswer = pageOf(gap, {
  ...answeredFields,
  radius_km: radiusKm,
  nearest_measured_from: nearestMeasuredFrom,
  establishments_extract: establishmentsExtract.nullable(),
});

export const councilAreasAnswer = pageOf(areaCoverage, {
  establishments_extract: establishmentsExtract.nullable(),
});

export const councilAreaAnswer = z.object({
  ...areaFields,
  la_type: text().describe('E.g. Unitary authority, Metropolitan district; null: not known.'),
  ons_code_2011: text().describe('Its ONS code of 2011; null: not known.'),
  ons_code_2013: text().describe('Its ONS code of 2013; null: not known.'),
  ...answeredFields,
  lifetime: z
    .object({
      valid_from: day().nullable().describe('Its first day; null: it existed before 2011.'),
      valid_to: day().nullable().describe('Its last day (included); null: it exists today.'),
      predecessors: z
        .array(z.object({ la_code: z.string(), name: z.string() }))
        .describe('The areas it replaced (on its first day).'),
      successors: z
        .array(z.object({ la_code: z.string(), name: z.string() }))
        .describe('The areas that replaced it (the day after its last).'),
    })
    .describe('The days the area existed, and the areas before and after it.'),
  in_force: z.boolean().describe('Whether the area was in force on as_at.'),
  areas_as_at: day().describe(
    'The day whose council areas the figures are among: as_at, or, for an area not in force then, its last ' +
      '(or first) day.',
  ),
  lifetime_note: text().describe(
    'When the area was not in force on as_at: when it ended (or began) and what replaced it (or it replaced).',
  ),
  coverage: areaCoverage,
  establishments_extract: establishmentsExtract.nullable(),
  rank_by_need: count().describe('Its rank in /api/v1/gaps on the same date and radius_km (1: most need).'),
  areas_ranked: count().describe(
    'How many areas rank_by_need ranks it among: those in force on areas_as_at (for an area that ended, those ' +
      'of its last day).',
  ),
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
    .nullable()
    .describe(
      'The groups of those members, by name, with how many of them serve the area; null for a network without ' +
        'groups.',
    ),
  groups_note: groupsNote,
  schools_by_phase: z
    .array(
      z.object({
        phase: text().describe(
          'As GIAS gives it; "Not applicable" for establishments with no phase of education.',
        ),
        schools: count().describe('Establishments of the phase.'),
        pupils: count()
          .nullable()
          .describe(
            'Their pupils on roll (a lower bound: some have no count); null: not known (the GIAS register of ' +
              'June 2024 gives no pupils).',
          ),
      }),
    )
    .describe('The area\u2019s establishments by phase, most first.'),
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
  nearest_measured_from: nearestMeasuredFrom,
  history: z
    .array(z.object({ as_at: day(), members: count() }))
    .describe('Members serving the area on each of the network\u2019s lists, oldest first.'),
});

export const summaryAnswer = z.object({
  ...answeredFields,
  members: count().describe('Members on the list in force (serving the region, when one is asked for).'),
  groups: count()
    .nullable()
    .describe(
      'Distinct groups of the members; null for a network without groups (see groups_note), never 0.',
    ),
  groups_note: groupsNote,
  council_areas_total: count().describe('Council areas (of the region, when one is asked for).'),
  council_areas_covered: count().describe('Of those, the areas at least one member serves.'),
  coverage_pct: z
    .number()
    .min(0)
    .max(100)
    .describe('council_areas_covered / council_areas_total as a percentage, to one decimal.'),
  uncovered: z.array(areaCoverage.pick({ la_code: true, name: true, region: true })),
  schools_total: count().describe(
    'Establishments in those areas (of the phase, when one is asked for): every open GIAS establishment, ' +
      'whatever its phase. The field name says schools; it counts establishments.',
  ),
  list_note: z
    .string()
    .describe(
      'The evidence in words: the list that answers, how many days before as_at, and a published total nearer ' +
        'the date where there is one.',
    ),
  establishments_extract: establishmentsExtract
    .extend({
      days_from_as_at: z.number().int().describe('Days from the extract to as_at (negative: after it).'),
    })
    .nullable(),
  establishments_not_placed: count().describe(
    'Establishments of that extract in an area replaced by as_at that neither the GIAS register of 2024 nor the ' +
      'boundaries place in an area of as_at: not counted in schools_total.',
  ),
  register_open: z
    .object({
      file_name: z.string(),
      as_at: day().describe('The date of the register.'),
      open: count().describe(
        'Establishments open on that date (Open, or Open but proposed to close) in the areas counted, by the ' +
          'register\u2019s own council area.',
      ),
      pre_lgr: count().describe(
        'Open establishments the register leaves on an area since abolished ("Pre-LGR ..."): in no area.',
      ),
      nearest: z
        .boolean()
        .describe('Whether the register is nearer as_at than the extract schools_total counts.'),
    })
    .nullable()
    .describe(
      'The GIAS register\u2019s count of open establishments in the same areas (names, phase and status only): ' +
        'given when its date has the same council areas as as_at.',
    ),
  pupils_in_member_schools: count()
    .nullable()
    .describe(
      'Pupils on roll of the members that are schools with a pupil count in the establishments list: a lower ' +
        'bound (member_schools_with_pupils of members are counted), and not the pupils of their groups\u2019 ' +
        'schools. null when no member has a count (hubs), or not known: on a day the GIAS register of 2024 ' +
        'answers (it gives no pupils).',
    ),
  member_schools_with_pupils: count().describe('How many members pupils_in_member_schools counts.'),
  published_total: z
    .object({
      date: partialDate(),
      precision: z.string(),
      total: count(),
      qualifier: z.string().describe('As published: exact, derived, over, just over, about, around.'),
      source_title: z.string(),
      source_url: text(),
      publication,
    })
    .nullable()
    .describe(
      'The latest published national total of members dated on or before as_at (a month-dated one counts at ' +
        'the month\u2019s end), as published, beside the list\u2019s own count; null: none.',
    ),
  by_region: z
    .array(
      z.object({
        region_code: z.string(),
        region: z.string(),
        members: count().describe(
          'Members counted once each, in the region of the council areas they serve (a hub serving areas in ' +
            'two regions: the region of most of them).',
        ),
        council_areas: count(),
        council_areas_covered: count(),
      }),
    )
    .describe('The members by ONS region, each counted once: with no filter they total members.'),
});

export type Coverage = z.output<typeof coverageAnswer>;
export type Gaps = z.output<typeof gapsAnswer>;
export type Gap = z.output<typeof gap>;
export type CouncilAreaProfile = z.output<typeof councilAreaAnswer>;
export type CouncilAreas = z.output<typeof councilAreasAnswer>;
export type Summary = z.output<typeof summaryAnswer>;
