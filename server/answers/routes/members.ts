import { groups } from '../../analytics/groups.js';
import { members } from '../../analytics/members.js';
import { common, format, laCode, paging, phase, q, query, region, text } from '../params.js';
import { defineRoute } from '../route-spec.js';
import { groupsAnswer, membersAnswer } from '../../contract/registry.js';
import { fileName, flat } from '../shape.js';

const filters = {
  ...common,
  la: laCode.optional().describe('Only those serving this council area (DfE or ONS code).'),
  region,
  phase,
  q: q.optional(),
};

export const memberRoutes = [
  defineRoute({
    path: '/api/v1/members',
    tag: 'registry',
    summary: 'The members of a network on a date, filtered and paginated, by name.',
    query: query({
      ...filters,
      group: text().optional().describe('Only members of this group (its id or name).'),
      ...paging,
      format,
    }),
    errors: [404],
    response: membersAnswer,
    handle: ({ db, query }) => members(db, query),
    csv: (result) => ({
      name: fileName('members', result.network, result.as_at),
      columns: [
        'member_key',
        'urn',
        'name',
        'group_id',
        'group_name',
        'la_code',
        'la_name',
        'region',
        'phase',
        'establishment_type',
        'religious_character',
        'designated_on',
        'website',
        'num_pupils',
        'ofsted_rating',
        'latitude',
        'longitude',
        'serves',
        'school_name',
        'list_area',
        'location_via',
      ],
      rows: result.rows.map(flat),
    }),
  }),
  defineRoute({
    path: '/api/v1/groups',
    tag: 'registry',
    summary: 'The groups (alliances) of a network on a date: those with a member matching the filters.',
    description:
      'q matches the group\u2019s name; la, region and phase match its members. For a network without groups ' +
      '(hubs, NLEs), rows and total are null and groups_note says why.',
    query: query({
      ...filters,
      q: text().optional().describe('Text in the group\u2019s name.'),
      ...paging,
      format,
    }),
    errors: [404],
    response: groupsAnswer,
    handle: ({ db, query }) => groups(db, query),
    csv: (result) => ({
      name: fileName('groups', result.network, result.as_at),
      columns: ['id', 'name', 'members', 'la_codes', 'member_names'],
      rows: (result.rows ?? []).map(flat),
    }),
  }),
];
