import { z } from 'zod';
import { NETWORKS } from '../../common/networks.js';

// What the answers' schemas share: the check that a schema is the type it describes, dates, counts, and the
// envelope of lists. The rows several answers carry are in rows.ts; each answer is in the file of its resource.

export const networkId = z.enum(NETWORKS).describe('The network: teaching-schools, nles or hubs.');

/** A calendar date, YYYY-MM-DD. */
export const day = () => z.iso.date();

/** A published figure's date, as precise as it was published: YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = () => z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** A count: a whole number, 0 or more. */
export const count = () => z.number().int().nonnegative();

/** Text that may be missing (null: not known, or not listed). */
export const text = () => z.string().nullable();

/** What every answer about a date says first (analytics' answeredFrom). */
export const answeredFields = {
  network: networkId,
  as_at: day().describe('The date asked about, YYYY-MM-DD (default: the date of the latest list).'),
  snapshot_as_at: day().describe(
    'The date of the list that answered, YYYY-MM-DD: the list in force on as_at (the network\u2019s latest on or ' +
      'before it). After the network\u2019s end no list is in force, and the answer is a 404 saying when it ended.',
  ),
  snapshot_in_force_to: day()
    .nullable()
    .describe(
      'The last day that list is in force, YYYY-MM-DD: the day before the network\u2019s next list, or the ' +
        'network\u2019s last day; null: in force with no end known.',
    ),
  snapshot_age_days: count().describe('How old the list is on as_at, in days (0 on its own date).'),
};

/** The fields every answer about a date starts with (analytics' answeredFrom makes them). */
export type Answered = z.output<z.ZodObject<typeof answeredFields>>;

/** An answer as analytics makes it, before its route pages it (answers/shape.ts paged): every row. */
export type Whole<A> = Omit<A, 'total' | 'limit' | 'offset'>;

/** A network's start or end as published (analytics' PeriodBoundary). */
export const periodBoundary = z.object({
  date: partialDate().describe('As published: YYYY-MM-DD, YYYY-MM or YYYY.'),
  precision: z.enum(['day', 'month', 'year']).describe('How precise the published date is.'),
  day: day().describe('The first day of a start, the last day of an end, YYYY-MM-DD.'),
  source_title: z.string().describe('The publication that says so.'),
  source_url: text().describe('Its address; null: none known.'),
  source_quote: text().describe('Its words; null: none kept.'),
  notes: text().describe('What the project adds; null: nothing.'),
});

/** Why a network without groups has none, said beside every count of groups (null for networks with groups). */
export const groupsNote = text().describe(
  'Why the network has no groups (groups is then null); null for a network with groups.',
);

/** One page of rows, after the list's own fields: rows, the total in all pages, the limit and offset asked. */
export function pageOf<R extends z.ZodType, F extends z.ZodRawShape>(row: R, fields: F) {
  return z.object({
    ...fields,
    rows: z.array(row),
    total: count().describe('Rows in all pages.'),
    limit: count().describe('Rows per page, as asked (default per route).'),
    offset: count().describe('Rows skipped, as asked.'),
  });
}

/** A whole list: every row, and how many. */
export function listOf<R extends z.ZodType>(row: R) {
  return z.object({ rows: z.array(row), total: count().describe('Rows listed.') });
}
