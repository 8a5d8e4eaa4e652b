import { z } from 'zod';
import { shown } from './errors.js';

// Query values arrive as text, a list when a parameter is repeated, or nothing. Every message names the value.

import { NETWORKS, roundRadius } from '../analytics/context.js';

export { NETWORKS };
export const FORMATS = ['json', 'csv'] as const;

const MAX_TEXT = 200;

function notText(input: unknown): string {
  if (input === undefined) return 'is required';
  if (Array.isArray(input)) return `${shown(input)}; give it once`;
  return `${shown(input)} is not text`;
}

/** Free text: once, at most `max` characters (200 unless said), trimmed. */
export function text(max = MAX_TEXT) {
  return z
    .string({ error: (issue) => notText(issue.input) })
    .max(max, { error: (issue) => `${shown(issue.input)} is longer than ${max} characters` })
    .trim();
}

/** One of a fixed list of values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      typeof issue.input === 'string'
        ? `${shown(issue.input)} is not one of ${values.join(', ')}`
        : notText(issue.input),
  });
}

const NUMBER_FORMS = {
  integer: { pattern: /^\d{1,10}$/, what: 'a whole number' },
  number: { pattern: /^\d{1,6}(\.\d{1,6})?$/, what: 'a number' },
};

/**
 * A number in [min, max], `fallback` when absent; documented as a number although it arrives as text. `adjust`
 * rounds it to what matters (so that values asking the same question are answered, and cached, as one).
 */
function numeric(
  type: keyof typeof NUMBER_FORMS,
  min: number,
  max: number,
  fallback: number,
  adjust: (n: number) => number = (n) => n,
) {
  const { pattern, what } = NUMBER_FORMS[type];
  return z
    .string({ error: (issue) => notText(issue.input) })
    .refine((s) => pattern.test(s), { error: (issue) => `${shown(issue.input)} is not ${what}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      error: (issue) => `${shown(String(issue.input))} is not between ${min} and ${max}`,
    })
    .transform(adjust)
    .default(fallback)
    .meta({ type, minimum: min, maximum: max });
}

/** A whole number in [min, max], `fallback` when absent. */
export const integer = (min: number, max: number, fallback: number) => numeric('integer', min, max, fallback);

/** A decimal number in [min, max], `fallback` when absent, optionally rounded by `adjust`. */
export const decimal = (min: number, max: number, fallback: number, adjust?: (n: number) => number) =>
  numeric('number', min, max, fallback, adjust);

const dateSchema = z.iso.date();

/** Is this a real calendar date written YYYY-MM-DD? (2014-02-31 is not.) */
export function isValidDate(value: string): boolean {
  return dateSchema.safeParse(value).success;
}

/** A calendar date, YYYY-MM-DD. */
export function isoDate() {
  return z.iso.date({
    error: (issue) => {
      if (typeof issue.input !== 'string') return notText(issue.input);
      const form = /^\d{4}-\d{2}-\d{2}$/.test(issue.input) ? '' : ' (expected YYYY-MM-DD)';
      return `${shown(issue.input)} is not a date${form}`;
    },
  });
}

export const network = oneOf(NETWORKS)
  .default('teaching-schools')
  .describe(
    'Which network: teaching schools (default), National Leaders of Education, or teaching school hubs.',
  );
export const asAt = isoDate()
  .optional()
  .describe(
    'The date to answer for, YYYY-MM-DD: membership is the latest snapshot on or before it. Default: the latest snapshot.',
  );
export const region = text().optional().describe('A region, by code (E12000007) or name (London).');
export const phase = text().optional().describe('A school phase, e.g. Primary or Secondary.');
export const limit = integer(1, 1000, 100).describe('Rows per page, 1-1000.');
export const offset = integer(0, 1_000_000_000, 0).describe('Rows to skip.');
export const format = oneOf(FORMATS).default('json').describe('json (default) or csv.');

/** The parameters most routes take. */
export const common = { network, as_at: asAt };
export const paging = { limit, offset };

/** A query schema that refuses parameters it does not know, listing the ones it does. */
export function query<const T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter; this route takes ${known.length > 0 ? known.join(', ') : 'no parameters'}`
        : undefined,
  });
}

export const noQuery = query({});

/** Paging with a route's own default page size (per-area lists default to every area). */
export function pagingWith(defaultLimit: number) {
  return {
    limit: integer(1, 1000, defaultLimit).describe('Rows per page, 1-1000.'),
    offset,
  };
}

export const radiusKm = decimal(0.1, 200, 15, (km) => roundRadius(km).km).describe(
  'Distance in km, rounded to the nearest 0.5 km (at least 0.5): schools farther than this from every member ' +
    'count as beyond reach.',
);
export const laCode = z
  .string()
  .regex(/^(\d{3}|E\d{8})$/, {
    error: (issue) => `${shown(issue.input)} is not a council area code (3 digits, e.g. 921, or an ONS code)`,
  })
  .describe('A council area: its DfE code (921) or ONS code (E06000046).');
export const q = text().describe('Text in the name (ignoring case).');
