import { type CsvFormat, RowChecker } from '../format.js';
import type { SnapshotMemberRow } from '../../db/writes/networks.js';
import { optionalIsoDate, parseUrn, requiredText } from '../values.js';
import { resolveHomeArea } from './area-columns.js';

/** A member of any network as one list gives it: a teaching school, an NLE or a hub. */
export interface MemberRecord extends SnapshotMemberRow {
  /** The date the list says it was drawn up, if it says. */
  list_date: string | null;
}

const areaColumns = [
  { name: 'la_code', aliases: ['LA code', 'LEA code', 'LA (code)'] },
  { name: 'la_name', aliases: ['Local Authority', 'LA', 'LA name', 'LA (name)', 'council area'] },
];

const schoolColumns = [
  { name: 'region' },
  { name: 'phase' },
  { name: 'establishment_type', aliases: ['Type', 'type of establishment'] },
  { name: 'religious_character', aliases: ['religious character'] },
];

/** NCTL's directory export (' Alliance Name, Teaching School, URN, ...'), the enriched list and the canonical CSV. */
export const teachingSchoolList: CsvFormat<MemberRecord> = {
  name: 'teaching school list',
  columns: [
    { name: 'urn' },
    { name: 'name', aliases: ['Teaching School', 'school name', 'school'] },
    { name: 'group', aliases: ['Alliance Name', 'alliance', 'teaching school alliance', 'tsa'] },
    ...areaColumns,
    ...schoolColumns,
    { name: 'designated_on', aliases: ['designation date', 'date designated', 'designated'] },
    { name: 'list_date', aliases: ['as_at', 'as at'] },
  ],
  required: [['urn'], ['name'], ['la_code', 'la_name']],
  validate(row, context) {
    const check = new RowChecker(row);
    const urn = check.field('urn', parseUrn);
    const name = check.field('name', requiredText);
    const area = resolveHomeArea(check, context, { allowOutside: false });
    const designated_on = check.field('designated_on', optionalIsoDate);
    const list_date = check.field('list_date', optionalIsoDate);
    return check.result(() => ({
      key: String(urn),
      urn: urn!,
      name: name!,
      group: row.text('group'),
      la_code: area!.la_code,
      serves: [area!.la_code!],
      region: row.text('region'),
      phase: row.text('phase'),
      establishment_type: row.text('establishment_type'),
      religious_character: row.text('religious_character'),
      designated_on: designated_on ?? null,
      website: null,
      list_date: list_date ?? null,
    }));
  },
  key: (record) => record.key,
  date: (record) => record.list_date ?? record.designated_on,
};

/** National Leaders of Education: no public list exists, so this canonical format is the project's own. */
export const nleList: CsvFormat<MemberRecord> = {
  name: 'NLE list',
  columns: [
    { name: 'urn', aliases: ['school urn'] },
    { name: 'name', aliases: ['NLE name', 'leader', 'leader name'] },
    { name: 'school_name', aliases: ['school'] },
    ...areaColumns,
    ...schoolColumns,
    { name: 'designated_on', aliases: ['designation date', 'date designated', 'designated'] },
  ],
  required: [['urn'], ['la_code', 'la_name'], ['designated_on']],
  validate(row, context) {
    const check = new RowChecker(row);
    const urn = check.field('urn', parseUrn);
    const area = resolveHomeArea(check, context, { allowOutside: false });
    const designated_on = check.field('designated_on', (value) => {
      const date = optionalIsoDate(value);
      return date.ok && date.value === null ? { ok: false as const, message: 'is empty' } : date;
    });
    const leader = row.text('name');
    const school = row.text('school_name');
    return check.result(() => ({
      // A school can have more than one NLE: the leader's name, when given, tells them apart.
      key: leader ? `${urn}:${leader.toLowerCase()}` : String(urn),
      urn: urn!,
      name: leader ?? school ?? `NLE at URN ${urn}`,
      group: null,
      la_code: area!.la_code,
      serves: [area!.la_code!],
      region: row.text('region'),
      phase: row.text('phase'),
      establishment_type: row.text('establishment_type'),
      religious_character: null,
      designated_on: designated_on ?? null,
      website: null,
      list_date: null,
    }));
  },
  key: (record) => record.key,
  date: (record) => record.designated_on,
};
