import { type RowChecker, type ValidateContext, column } from '../format.js';
import { parseLaCode } from '../values.js';

export const LA_CODE = column('la_code');
export const LA_NAME = column('la_name');

export interface HomeArea {
  la_code: string | null;
  in_council_areas: boolean;
}

/**
 * GIAS codes for establishments beyond England's council areas: 000-199 ('Does not apply', e.g. 060-065),
 * 6xx (Wales) and 7xx (offshore and overseas: Scotland, BFPO, Isle of Man, Channel Islands, Gibraltar).
 * No English education authority has a code in those ranges; any other unknown code is an error.
 */
export function isOutsideEnglandCode(code: string): boolean {
  return /^(?:[01]\d\d|[67]\d\d)$/.test(code);
}

/**
 * The one council area a row is in, from its 'la_code' column or else its 'la_name' column (matched by name,
 * alias or successor). allowOutside accepts codes and names beyond the 152 areas (Wales, offshore) as outside.
 */
export function resolveHomeArea(
  check: RowChecker,
  context: ValidateContext,
  options: { allowOutside: boolean },
): HomeArea | undefined {
  const code = check.row.get(LA_CODE);
  const name = check.row.get(LA_NAME);
  if (code !== '') {
    if (options.allowOutside && isOutsideEnglandCode(code)) return { la_code: code, in_council_areas: false };
    const parsed = parseLaCode(code);
    if (!parsed.ok) return void check.fail(LA_CODE, code, parsed.message);
    if (context.areas.match(parsed.value).ok) return { la_code: parsed.value, in_council_areas: true };
    return void check.fail(LA_CODE, code, `'${code}' is not one of the council areas`);
  }
  if (name !== '') {
    const match = context.areas.match(name);
    if (match.ok && match.la_codes.length === 1)
      return { la_code: match.la_codes[0]!, in_council_areas: true };
    if (match.ok) {
      return void check.fail(
        'la_name',
        name,
        `'${name}' spans ${match.la_codes.join(', ')}: give the la_code`,
      );
    }
    return void check.fail('la_name', name, match.message);
  }
  check.fail('la_code', '', 'no council area given (la_code or la_name)');
  return undefined;
}

/** Every council area named in a list such as a hub's districts ('Braintree;Chelmsford'), each name checked. */
export function resolveAreaList(check: RowChecker, context: ValidateContext, column: string): string[] {
  const names = check.row
    .get(column)
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return resolveAreaNames(check, context, column, names);
}

/** The council areas of names already split from a column's cell, each name checked. */
export function resolveAreaNames(
  check: RowChecker,
  context: ValidateContext,
  column: string,
  names: string[],
): string[] {
  const codes = new Set<string>();
  if (names.length === 0) check.fail(column, check.row.get(column), 'no areas listed');
  for (const name of names) {
    const match = context.areas.match(name);
    if (match.ok) match.la_codes.forEach((code) => codes.add(code));
    else check.fail(column, name, match.message);
  }
  return [...codes].sort();
}
