import { type CsvFormat, RowChecker, type ValidateContext } from '../format.js';
import { optionalIsoDate, optionalUrn, requiredText } from '../values.js';
import { resolveAreaNames } from './area-columns.js';
import type { MemberRecord } from './networks.js';

/** What a hub list says of a hub beyond what every network's member has. */
export interface HubRecordDetails {
  /** The districts it serves, as listed. */
  places: string[];
  lead_school: string | null;
  /** The list's own grouping of hubs (the 2021 list: Regional Schools Commissioner area), never an ONS region. */
  list_area: string | null;
  test_and_learn: boolean;
  /** The code of the 2024-2028 designation, which names the hub from December 2023; null before (2021: another scheme). */
  code: string | null;
}

export type HubRecord = MemberRecord & { hub: HubRecordDetails };

const splitOn = (cell: string, separator: string): string[] =>
  cell
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');

function hubRecord(
  fields: Pick<MemberRecord, 'key' | 'name' | 'serves' | 'urn' | 'website' | 'designated_on'> &
    Partial<Pick<MemberRecord, 'establishment_type'>>,
  hub: HubRecordDetails,
): HubRecord {
  return {
    group: null,
    la_code: fields.serves.length === 1 ? fields.serves[0]! : null,
    region: null,
    phase: null,
    establishment_type: null,
    religious_character: null,
    list_date: null,
    ...fields,
    hub,
  };
}

/**
 * The council areas of a hub's listed places. A name that is no place the matcher knows ('East London' in 2024) is
 * kept as written and placed nowhere (the import lists it): one unplaceable name never refuses the whole list.
 */
function servedAreas(check: RowChecker, context: ValidateContext, column: string, names: string[]): string[] {
  const known = names.filter((name) => context.areas.knows(name));
  if (names.length > 0 && known.length === 0) {
    const cell = check.row.get(column);
    check.fail(column, cell, `'${cell}' names no council area or district`);
    return [];
  }
  return resolveAreaNames(check, context, column, known);
}

/**
 * DfE's hub finder list: each hub with the ';'-separated districts it serves, and from December 2023 its code
 * (tsh_area, 'EE2'). Its first list (October 2023: name,website,areas) has no code, and one organisation running
 * two hubs appears twice under one name: a hub of such a list is keyed by its name and its first place.
 */
export const hubFinderList: CsvFormat<HubRecord> = {
  name: 'teaching school hub list',
  columns: [
    { name: 'tsh_area', aliases: ['hub area', 'area code', 'id'] },
    { name: 'name', aliases: ['hub name', 'hub'] },
    { name: 'website', aliases: ['url'] },
    { name: 'areas', aliases: ['districts', 'areas served', 'local authorities'] },
    { name: 'urn', aliases: ['lead school urn'] },
    { name: 'designated_on', aliases: ['designation date'] },
  ],
  required: [['name'], ['areas']],
  validate(row, context) {
    const check = new RowChecker(row);
    const code = row.has('tsh_area') ? check.field('tsh_area', requiredText) : null;
    const name = check.field('name', requiredText);
    const places = splitOn(row.get('areas'), ';');
    if (places.length === 0) check.fail('areas', row.get('areas'), 'no areas listed');
    const serves = servedAreas(check, context, 'areas', places);
    const urn = check.field('urn', optionalUrn);
    const designated_on = check.field('designated_on', optionalIsoDate);
    return check.result(() =>
      hubRecord(
        {
          key: code ?? `${name!} (${places[0]!})`,
          name: name!,
          serves,
          urn: urn ?? null,
          website: row.text('website'),
          designated_on: designated_on ?? null,
        },
        { places, lead_school: null, list_area: null, test_and_learn: false, code: code ?? null },
      ),
    );
  },
  key: (record) => record.key,
  date: (record) => record.designated_on,
};

/**
 * District names split from a cell at commas, keeping together the names that have commas of their own
 * ('Kingston upon Hull, City of', 'Bournemouth, Christchurch and Poole'): the longest run of parts the matcher
 * knows is one name.
 */
export function splitDistricts(text: string, known: (name: string) => boolean): string[] {
  const parts = splitOn(text, ',');
  const names: string[] = [];
  for (let i = 0; i < parts.length;) {
    let taken = 1;
    for (let n = Math.min(3, parts.length - i); n > 1; n--) {
      if (known(parts.slice(i, i + n).join(', '))) {
        taken = n;
        break;
      }
    }
    names.push(parts.slice(i, i + taken).join(', '));
    i += taken;
  }
  return names;
}

const TEST_AND_LEARN = /\s*\(test and learn hub\)\s*$/i;

/** 'EENEL1 - Braintree, Chelmsford': the hub's code and the districts it serves, in one cell. */
function codeAndDistricts(check: RowChecker, context: ValidateContext) {
  const cell = check.row.get('hub_area');
  const at = cell.indexOf(' - ');
  if (at <= 0) {
    check.fail(
      'hub_area',
      cell,
      `'${cell}' is not a hub code and its districts ('EENEL1 - Braintree, Chelmsford')`,
    );
    return { code: undefined, places: [], serves: [] };
  }
  const places = splitDistricts(cell.slice(at + 3), (name) => context.areas.knows(name));
  return {
    code: cell.slice(0, at).trim(),
    places,
    serves: servedAreas(check, context, 'hub_area', places),
  };
}

/**
 * DfE's "List of teaching school hubs by area" (2021): code and districts in one cell, the lead school's URN,
 * type and name (headed 'Trust Name', marked '(test and learn hub)' for the six that ran from 2020), and its
 * Regional Schools Commissioner area.
 */
export const hubListByArea: CsvFormat<HubRecord> = {
  name: 'list of teaching school hubs by area',
  columns: [
    { name: 'hub_area', aliases: ['Teaching School Hub area'] },
    { name: 'name', aliases: ['Teaching School Hub name'] },
    { name: 'website', aliases: ['TSH website, where available', 'TSH website'] },
    { name: 'urn' },
    { name: 'establishment_type', aliases: ['School type'] },
    { name: 'lead_school', aliases: ['Trust Name', 'lead school'] },
    {
      name: 'list_area',
      aliases: ['Regional School Commissioner area', 'Regional Schools Commissioner area', 'RSC area'],
    },
  ],
  required: [['hub_area'], ['name'], ['urn']],
  validate(row, context) {
    const check = new RowChecker(row);
    const { code, places, serves } = codeAndDistricts(check, context);
    const name = check.field('name', requiredText);
    const urn = check.field('urn', optionalUrn);
    const lead = row.text('lead_school');
    return check.result(() =>
      hubRecord(
        {
          key: code!,
          name: name!,
          serves,
          urn: urn ?? null,
          website: row.text('website'),
          designated_on: null,
          establishment_type: row.text('establishment_type'),
        },
        {
          places,
          lead_school: lead === null ? null : lead.replace(TEST_AND_LEARN, '').trim(),
          list_area: row.text('list_area'),
          test_and_learn: lead !== null && TEST_AND_LEARN.test(lead),
          code: null,
        },
      ),
    );
  },
  key: (record) => record.key,
};
