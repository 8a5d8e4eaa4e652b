import { z } from 'zod';
import { answeredFields, count, pageOf, text } from './common.js';
import { establishmentsExtract } from './rows.js';

// The answer of /api/v1/schools-beyond: the schools farther than a radius from every member.

export const schoolBeyond = z.object({
  urn: z.number().int().describe('The establishment\u2019s URN.'),
  name: text().describe('Its name where the registry knows it (it is on a member list); null otherwise.'),
  phase: text().describe('GIAS phase, e.g. Primary; null: not recorded.'),
  la_code: z.string().describe('Its council area (DfE code).'),
  la_name: text(),
  region: text(),
  km: z.number().nonnegative().describe('Great-circle distance to the nearest member, km to one decimal.'),
  nearest_member_key: z.string().describe('The nearest member\u2019s key (its URN for a school).'),
  nearest_member_name: z.string(),
  nearest_member_la_code: text().describe('The council area the nearest member is in; null: not known.'),
  gias_url: z.string().describe('The school\u2019s record on Get Information about Schools (name, address).'),
});

export const schoolsBeyondAnswer = pageOf(schoolBeyond, {
  ...answeredFields,
  radius_km: z.number().positive().describe('The radius_km asked (default 15).'),
  la_code: text().describe('The council area asked about (DfE code); null: none.'),
  region: text().describe('The region asked about, by name; null: none.'),
  phase: text().describe('The phase asked about, as the registry spells it; null: every phase.'),
  schools_located: count().describe(
    'Located schools in the scope (of the phase); the rows are those beyond.',
  ),
  establishments_extract: establishmentsExtract.nullable(),
  note: z.string().describe('What the names are and are not.'),
});

export type SchoolsBeyond = z.output<typeof schoolsBeyondAnswer>;
export type SchoolBeyond = z.output<typeof schoolBeyond>;
