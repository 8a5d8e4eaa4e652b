import type { MilestoneRow } from '../../db/writes/milestones.js';
import { type CsvFormat, RowChecker } from '../format.js';
import { optionalDate, optionalInteger, optionalWebAddress, parseNumber } from '../values.js';

export interface MilestoneRecord extends MilestoneRow {
  date_precision: 'day' | 'month' | 'year' | 'unknown';
}

/** How a published figure relates to the truth; 'target' marks a goal dated by its deadline. */
export const QUALIFIERS = [
  'exact',
  'derived',
  'about',
  'around',
  'over',
  'just over',
  'under',
  'target',
] as const;

/** Published national figures and targets, one per row, each with its source. */
export const milestoneList: CsvFormat<MilestoneRecord> = {
  name: 'programme milestones',
  columns: [
    { name: 'date' },
    { name: 'date_precision', aliases: ['precision'] },
    { name: 'metric' },
    { name: 'round', aliases: ['recruitment round'] },
    { name: 'value' },
    { name: 'value_qualifier', aliases: ['qualifier'] },
    { name: 'source_title', aliases: ['source'] },
    { name: 'source_url', aliases: ['url'] },
    { name: 'source_quote', aliases: ['quote'] },
    { name: 'notes' },
  ],
  required: [['date'], ['metric'], ['value'], ['value_qualifier'], ['source_title']],
  validate(row) {
    const check = new RowChecker(row);
    const date = check.field('date', optionalDate);
    const declared = row.get('date_precision').toLowerCase();
    const precision = date ? date.precision : 'unknown';
    if (declared !== '' && declared !== precision) {
      check.fail(
        'date_precision',
        row.get('date_precision'),
        `'${declared}' does not match the date's precision '${precision}'`,
      );
    }
    const metric = row.get('metric');
    if (!/^[a-z][a-z0-9_]*$/.test(metric))
      check.fail('metric', metric, `'${metric}' is not a metric name (snake_case)`);
    const round = check.field('round', optionalInteger);
    const value = check.field('value', parseNumber);
    const qualifier = row.get('value_qualifier').toLowerCase();
    if (!(QUALIFIERS as readonly string[]).includes(qualifier)) {
      check.fail(
        'value_qualifier',
        row.get('value_qualifier'),
        `'${qualifier}' is not one of ${QUALIFIERS.join(', ')}`,
      );
    }
    const source_url = check.field('source_url', optionalWebAddress);
    const source_title = row.get('source_title');
    if (source_title === '') check.fail('source_title', '', 'every figure needs its source');
    return check.result(() => ({
      date: date?.date ?? null,
      date_precision: precision,
      metric,
      round: round ?? null,
      value: value!,
      value_qualifier: qualifier,
      source_title,
      source_url: source_url ?? null,
      source_quote: row.text('source_quote'),
      notes: row.text('notes'),
    }));
  },
};
