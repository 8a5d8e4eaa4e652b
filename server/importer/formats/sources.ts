import { type CsvFormat, RowChecker } from '../format.js';
import { optionalDate, optionalDay, parseDate, requiredText } from '../values.js';
import { NETWORK_IDS } from './reference.js';

/** A network's start or end as published (data/reference/network_periods.csv). */
export interface NetworkPeriodRecord {
  network_id: string;
  boundary: 'start' | 'end';
  date: string;
  precision: 'day' | 'month' | 'year';
  source_title: string;
  source_url: string | null;
  source_quote: string | null;
  notes: string | null;
}

/** Who published a cited source, and when (data/reference/publications.csv). */
export interface PublicationRecord {
  source_title: string;
  publisher: string;
  published: string | null;
  published_precision: 'day' | 'month' | 'year' | 'unknown';
  kind: 'primary' | 'secondary';
  seen_by: string | null;
  notes: string | null;
}

const BOUNDARIES = ['start', 'end'] as const;
const KINDS = ['primary', 'secondary'] as const;

function oneOf<T extends string>(check: RowChecker, column: string, allowed: readonly T[]): T | undefined {
  const value = check.row.get(column).toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  check.fail(column, check.row.get(column), `'${check.row.get(column)}' is not one of ${allowed.join(', ')}`);
  return undefined;
}

export const networkPeriodTable: CsvFormat<NetworkPeriodRecord> = {
  name: 'network period table',
  columns: [
    { name: 'network_id', aliases: ['network'] },
    { name: 'boundary' },
    { name: 'date' },
    { name: 'source_title', aliases: ['source'] },
    { name: 'source_url', aliases: ['url'] },
    { name: 'source_quote', aliases: ['quote'] },
    { name: 'notes' },
  ],
  required: [['network_id'], ['boundary'], ['date'], ['source_title']],
  validate(row) {
    const check = new RowChecker(row);
    const network = oneOf(check, 'network_id', NETWORK_IDS);
    const boundary = oneOf(check, 'boundary', BOUNDARIES);
    const date = check.field('date', parseDate);
    const source_title = check.field('source_title', requiredText);
    return check.result(() => ({
      network_id: network!,
      boundary: boundary!,
      date: date!.date,
      precision: date!.precision,
      source_title: source_title!,
      source_url: row.text('source_url'),
      source_quote: row.text('source_quote'),
      notes: row.text('notes'),
    }));
  },
  key: (record) => `${record.network_id}|${record.boundary}`,
};

export const publicationTable: CsvFormat<PublicationRecord> = {
  name: 'publication table',
  columns: [
    { name: 'source_title', aliases: ['source', 'title'] },
    { name: 'publisher' },
    { name: 'published', aliases: ['date published'] },
    { name: 'kind' },
    { name: 'seen_by' },
    { name: 'notes' },
  ],
  required: [['source_title'], ['publisher'], ['kind']],
  validate(row) {
    const check = new RowChecker(row);
    const source_title = check.field('source_title', requiredText);
    const publisher = check.field('publisher', requiredText);
    const published = check.field('published', optionalDate);
    const kind = oneOf(check, 'kind', KINDS);
    const seenBy = check.field('seen_by', optionalDay);
    return check.result(() => ({
      source_title: source_title!,
      publisher: publisher!,
      published: published?.date ?? null,
      published_precision: published?.precision ?? 'unknown',
      kind: kind!,
      seen_by: seenBy ?? null,
      notes: row.text('notes'),
    }));
  },
  key: (record) => record.source_title,
};
