import { z } from 'zod';
import { TERMS } from '../../common/terms.js';
import { count, day, text } from './common.js';

// The rows several answers carry: a council area's coverage, a member near an area, a member, an import.

/** A council area's names and region, as every row about an area starts. */
export const areaFields = {
  la_code: z.string().describe('The council area\u2019s DfE code (3 digits).'),
  name: z.string(),
  region_code: text().describe('The ONS code of its region; null: not known.'),
  region: text().describe('The name of its region; null: not known.'),
};

/** A council area's coverage by a network's list (analytics' AreaCoverage). */
export const areaCoverage = z.object({
  ...areaFields,
  members: count().describe(
    'Members serving the area (a school serves its own area; a hub the areas of its districts).',
  ),
  groups: count()
    .nullable()
    .describe('Distinct groups of those members; null for a network without groups (hubs, NLEs), never 0.'),
  schools: count().describe(
    'Establishments in the area (of the phase, when one is asked for). ' +
      `An establishment: ${TERMS.establishment}`,
  ),
  pupils: count()
    .nullable()
    .describe(
      `Pupils on roll in those establishments. ${TERMS.pupils} null: not known (the extract of the date, the GIAS ` +
        'register of June 2024, gives no pupils).',
    ),
  members_per_100_schools: z
    .number()
    .nonnegative()
    .nullable()
    .describe('members / establishments (schools) x 100, to two decimals; null when the area has none.'),
  covered: z.boolean().describe('At least one member serves the area.'),
  schools_with_coordinates: count().describe(
    'Of the establishments, those with a location (the 2018 extract\u2019s, by URN: establishments opened since have none).',
  ),
  schools_beyond_km: count()
    .nullable()
    .describe(
      'Located establishments farther than radius_km from every located member (of the phase); null when no ' +
        'member of the list (of the phase) has a location.',
    ),
});

/** The establishments extract a figure counts: the one nearer the day asked. */
export const establishmentsExtract = z
  .object({
    kind: z
      .enum(['extract', 'register'])
      .describe('extract: GIAS open establishments with pupils and locations; register: the GIAS register.'),
    name: z.string().describe('In words, with its date: "GIAS register of 17 June 2024".'),
    file_name: z.string(),
    as_at: day().describe('The date of the extract.'),
    has_pupils: z.boolean().describe('false: it gives no pupils, so pupils figures are null (not known).'),
    locations_from: text().describe('The extract distances take locations from (by URN); null: none held.'),
  })
  .describe(
    'The extract establishments are counted from: of those held (GIAS extract of March 2018, register of June ' +
      '2024), the one nearer as_at (the register from 30 April 2021 on the shipped data).',
  );

/** A member that does not serve an area, near it. */
export const nearbyMember = z.object({
  member_key: z.string().describe('The member\u2019s key: its URN for a school, its code for a hub.'),
  name: z.string(),
  la_code: text().describe('The council area it is in; null: not known.'),
  km: z
    .number()
    .nonnegative()
    .describe(
      'Great-circle distance in km, to one decimal, from the nearest of the area\u2019s own located schools ' +
        '(of the phase, when one is asked for): the one named by from_urn.',
    ),
  from_urn: z.number().int().describe('The URN of the area\u2019s school the distance is measured from.'),
});

/** A member as listed on the network's list in force (analytics' Member). */
export const memberRow = z.object({
  member_key: nearbyMember.shape.member_key,
  urn: z
    .number()
    .int()
    .nullable()
    .describe('The school\u2019s URN (a hub\u2019s lead school); null: the list names none.'),
  name: z.string().describe('Its name as listed.'),
  group_id: z.number().int().nullable().describe('Its group (alliance); null: none.'),
  group_name: text(),
  la_code: text().describe('The council area it is in, as listed; null: not known.'),
  la_name: text(),
  region: text(),
  phase: text().describe('School phase, e.g. Primary; null: not listed.'),
  establishment_type: text(),
  religious_character: text(),
  designated_on: day().nullable().describe('Date designated, YYYY-MM-DD; null: not listed.'),
  website: text(),
  num_pupils: count()
    .nullable()
    .describe(
      'Pupils on roll at the school, as GIAS records them; null: not a school, or GIAS gives no count.',
    ),
  ofsted_rating: text().describe('The school\u2019s latest Ofsted rating; null: none known.'),
  latitude: z.number().nullable().describe('Of the school (WGS84); null: no location known.'),
  longitude: z.number().nullable().describe('Of the school (WGS84); null: no location known.'),
  serves: z.array(z.string()).describe('The council areas (DfE codes) it serves.'),
  list_area: text().describe(
    'Hubs: the list’s own grouping (2021: Regional Schools Commissioner area), never an ONS region.',
  ),
  location_via: text().describe(
    'Hubs: placed where this hub was on an earlier list, named here (its list names no lead school); null: at ' +
      'its own URN, or not placed.',
  ),
  school_name: text().describe(
    'Its school (a hub\u2019s lead school) as the GIAS register of 17 June 2024 names it; null: no URN, or not ' +
      'in the register.',
  ),
});

/** One import of a file (the import record). */
export const importRow = z.object({
  id: count(),
  kind: z.string().describe('What the file was: establishments, teaching-schools, nles, hubs, ...'),
  network_id: text().describe('The network of a member list; null for other files.'),
  file_name: z.string(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('SHA-256 of the file\u2019s bytes, hex.'),
  bytes: count(),
  as_at: day().nullable().describe('The date the list is as at, YYYY-MM-DD; null for files without one.'),
  rows_read: count(),
  rows_written: count(),
  outcome: z
    .enum(['committed', 'superseded'])
    .describe(
      'committed: its rows are in the registry; superseded: a later import of the list replaced them.',
    ),
  message: text().describe('A note from the importer; null: none.'),
  started_at: z.iso.datetime().describe('When the import started (UTC, ISO 8601).'),
  finished_at: z.iso.datetime().describe('When it finished (UTC, ISO 8601).'),
});

export type AreaCoverage = z.output<typeof areaCoverage>;
export type NearbyMember = z.output<typeof nearbyMember>;
export type ExtractOfDay = z.output<typeof establishmentsExtract>;
export type Member = z.output<typeof memberRow>;
