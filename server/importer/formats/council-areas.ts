import { type CsvFormat, RowChecker } from '../format.js';
import type { AreaRow } from '../../db/writes/council-areas.js';
import { optionalDay, parseLaCode, requiredText, type Parsed } from '../values.js';

/** Space-separated DfE codes ('838 839'), or null when empty; names the first bad code. */
export function optionalLaCodes(value: string): Parsed<string | null> {
  const codes = value.trim().split(/\s+/).filter(Boolean);
  if (codes.length === 0) return { ok: true, value: null };
  for (const code of codes) {
    const parsed = parseLaCode(code);
    if (!parsed.ok) return parsed;
  }
  return { ok: true, value: codes.join(' ') };
}

export interface AreaRecord extends AreaRow {
  variant: 'area';
}

export interface DistrictRecord {
  variant: 'district';
  district_code: string | null;
  district_name: string;
  la_code: string;
}

export type CouncilAreaRecord = AreaRecord | DistrictRecord;

/** The project's canonical list and DfE's own LA code list ('Old LA Code, New LA Code, LA Name'). */
export const areaList: CsvFormat<CouncilAreaRecord> = {
  name: 'council-area list',
  columns: [
    { name: 'la_code', aliases: ['Old LA Code', 'LA code', 'LEA code', 'code'] },
    { name: 'la_name', aliases: ['LA Name', 'name', 'local authority', 'council area'] },
    { name: 'ons_code_2011', aliases: ['New LA Code', 'ons code'] },
    { name: 'ons_code_2013' },
    { name: 'la_type', aliases: ['type'] },
    { name: 'region_code' },
    { name: 'region_name', aliases: ['region'] },
    { name: 'valid_from' },
    { name: 'valid_to' },
    // The dated list (council_areas_2011-2026.csv): today's ONS code, and the areas before and after each.
    { name: 'ons_code' },
    { name: 'predecessor_la_codes', aliases: ['predecessors'] },
    { name: 'successor_la_codes', aliases: ['successors'] },
    { name: 'districts_2016' },
  ],
  required: [['la_code'], ['la_name']],
  validate(row) {
    const check = new RowChecker(row);
    const la_code = check.field('la_code', parseLaCode);
    const name = check.field('la_name', requiredText);
    const valid_from = check.field('valid_from', optionalDay);
    const valid_to = check.field('valid_to', optionalDay);
    const predecessors = check.field('predecessor_la_codes', optionalLaCodes);
    const successors = check.field('successor_la_codes', optionalLaCodes);
    const region_code = row.text('region_code');
    const region_name = row.text('region_name');
    if ((region_code === null) !== (region_name === null)) {
      check.fail('region_code', row.get('region_code'), 'region_code and region_name go together');
    }
    return check.result(() => ({
      variant: 'area' as const,
      la_code: la_code!,
      name: name!,
      ons_code_2011: row.text('ons_code_2011'),
      ons_code_2013: row.text('ons_code_2013') ?? row.text('ons_code_2011'),
      la_type: row.text('la_type'),
      region_code,
      region_name,
      valid_from: valid_from ?? null,
      valid_to: valid_to ?? null,
      ons_code: row.text('ons_code'),
      predecessors: predecessors ?? null,
      successors: successors ?? null,
      districts_2016: row.text('districts_2016'),
    }));
  },
  key: (record) => (record.variant === 'area' ? record.la_code : record.district_name),
};

/** ONS's district to upper-tier lookup: each district name becomes a way to name its council area. */
export const districtLookup: CsvFormat<CouncilAreaRecord> = {
  name: 'district lookup',
  columns: [
    { name: 'district_code', aliases: ['LAD13CD', 'LAD code'] },
    // The 2011 code, for a file that has no 2013 one (ONS's lookup has both: they are two columns, not one).
    { name: 'district_code_2011', aliases: ['LAD11CD'] },
    { name: 'district_name', aliases: ['LAD13NM', 'district'] },
    { name: 'la_code', aliases: ['LA_CODE'] },
  ],
  required: [['district_name'], ['la_code']],
  validate(row, context) {
    const check = new RowChecker(row);
    const district_name = check.field('district_name', requiredText);
    const la_code = check.field('la_code', (value) => {
      const code = parseLaCode(value);
      if (!code.ok) return code;
      const match = context.areas.match(code.value);
      return match.ok ? code : { ok: false as const, message: `'${value}' is not a known council area code` };
    });
    return check.result(() => ({
      variant: 'district' as const,
      district_code: row.text('district_code') ?? row.text('district_code_2011'),
      district_name: district_name!,
      la_code: la_code!,
    }));
  },
  key: (record) => (record.variant === 'district' ? record.district_name : record.la_code),
};
