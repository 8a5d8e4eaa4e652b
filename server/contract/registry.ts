import { z } from 'zod';
import {
  answeredFields,
  count,
  day,
  groupsNote,
  listOf,
  networkId,
  pageOf,
  periodBoundary,
  text,
} from './common.js';
import { hubChangesSchema } from './hubs.js';
import { memberRow } from './rows.js';

// The answers about the registry's lists: networks, members, groups, search, the lists imported and their diff.

export const networksAnswer = listOf(
  z.object({
    id: z.string().describe('The network\u2019s id, as the network parameter takes it.'),
    name: z.string(),
    member_label: z.string().describe('What one member is called, e.g. teaching school.'),
    group_label: text().describe('What one group is called, e.g. alliance; null: no groups.'),
    description: z.string(),
    groups_note: groupsNote,
    members_are_schools: z
      .boolean()
      .describe('Whether members are schools, whose pupils count as pupils in member schools (not hubs).'),
    started: periodBoundary
      .nullable()
      .describe('When the network started, as published; null: no source held.'),
    ended: periodBoundary
      .nullable()
      .describe('When the network ended, as published; null: it has not ended, or no source says so.'),
    snapshot_dates: z.array(day()).describe('The dates of its imported lists, oldest first.'),
    latest: z
      .object({
        as_at: day(),
        in_force_to: answeredFields.snapshot_in_force_to,
        members: count(),
        groups: count().nullable().describe('Distinct groups; null for a network without groups.'),
      })
      .nullable()
      .describe(
        'Counts from its list in force on as_at (default: its latest); null: no list is in force then (see no_list).',
      ),
    no_list: text().describe(
      'Why no list is in force on as_at (none imported, before the first, or the network had ended, and when); ' +
        'null when one is.',
    ),
  }),
);

export const membersAnswer = pageOf(memberRow, answeredFields);

export const group = z.object({
  id: count().describe('The group\u2019s id, as the group parameter of /api/v1/members takes it.'),
  name: z.string(),
  members: count().describe('Its members on the list.'),
  la_codes: z.array(z.string()).describe('The council areas its members are in.'),
  member_names: z.array(z.string()).describe('Its members\u2019 names, by name.'),
});

export const groupsAnswer = pageOf(group, answeredFields).extend({
  rows: z
    .array(group)
    .nullable()
    .describe('The groups; null for a network without groups (see groups_note).'),
  total: count().nullable().describe('Groups in all pages; null for a network without groups.'),
  groups_note: groupsNote,
});

export const searchAnswer = z.object({
  q: z.string().describe('The words searched for, as given.'),
  rows: z.array(
    z.object({
      kind: z.enum(['council-area', 'member', 'group', 'establishment']),
      key: z
        .string()
        .describe('la_code of an area, member_key of a member, id of a group, URN of an establishment.'),
      name: z.string(),
      network_id: text().describe('The network of a member or group; null for an area.'),
      la_code: text().describe(
        'The area itself, or the area a member or establishment is in (an establishment: its area of 2024 ' +
          'where the GIAS register of June 2024 names one); null for a group or not known.',
      ),
      la_name: text().describe('That area\u2019s name.'),
    }),
  ),
  total: count().describe('Results (at most limit), best first.'),
  near: z
    .boolean()
    .describe(
      'true: nothing matched the words, and the rows are the council areas whose names are nearest them ' +
        '(a misspelling: "Middlesborough" finds Middlesbrough).',
    ),
});

export const snapshotsAnswer = listOf(
  z.object({
    id: count(),
    network_id: z.string(),
    as_at: day().describe('The date the list is as at, YYYY-MM-DD.'),
    import_id: count().describe('The import that wrote it (see /api/v1/imports).'),
    file_name: z.string().describe('The file it came from.'),
    members: count(),
    groups: count().nullable().describe('Distinct groups of its members; null for a network without groups.'),
    council_areas_covered: count().describe('Council areas at least one of its members serves.'),
  }),
);

const listInForce = z.object({
  as_at: day().describe('The date asked, YYYY-MM-DD.'),
  snapshot_as_at: day().describe('The date of the list in force on it, YYYY-MM-DD.'),
});
const changed = z.object({
  member_key: z.string(),
  name: z.string(),
  la_code: text().describe('The council area it is in; null: not known.'),
  la_name: text().describe("That council area's name; null: not known."),
  serves: z
    .array(z.string())
    .describe(
      "Names of the council areas it serves: a school's own; a hub's several (a hub has no home area).",
    ),
  group_name: text().describe('Its group; null: none.'),
});

export const snapshotDiffAnswer = z.object({
  network: networkId,
  from: listInForce,
  to: listInForce,
  joiners: z.array(changed).describe('On the later list, not the earlier, by name.'),
  leavers: z.array(changed).describe('On the earlier list, not the later, by name.'),
  group_moves: z
    .array(
      z.object({
        member_key: z.string(),
        name: z.string(),
        from_group: text().describe('null: no group.'),
        to_group: text().describe('null: no group.'),
      }),
    )
    .nullable()
    .describe('Members on both lists whose group changed; null for a network without groups.'),
  area_changes: z
    .array(
      z.object({
        la_code: z.string(),
        name: z.string(),
        from_members: count(),
        to_members: count(),
        change: z.number().int().describe('to_members - from_members.'),
        coverage: z
          .enum(['gained', 'lost'])
          .nullable()
          .describe('gained or lost its cover; null: covered (or not) on both.'),
      }),
    )
    .describe('Council areas whose number of members serving them changed.'),
  council_areas_covered: z.object({ from: count(), to: count() }),
  same_list: z
    .boolean()
    .describe('true: one list answers both dates, so no change between them can be seen.'),
  note: text().describe('When one list answers both dates: that no list lies between them, in words.'),
  hubs: hubChangesSchema,
});

export type Networks = z.output<typeof networksAnswer>;
export type NetworkSummary = Networks['rows'][number];
export type Members = z.output<typeof membersAnswer>;
export type Groups = z.output<typeof groupsAnswer>;
export type Group = z.output<typeof group>;
export type Search = z.output<typeof searchAnswer>;
export type Snapshots = z.output<typeof snapshotsAnswer>;
export type SnapshotSummary = Snapshots['rows'][number];
export type SnapshotDiff = z.output<typeof snapshotDiffAnswer>;
