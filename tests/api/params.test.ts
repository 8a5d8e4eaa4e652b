import { describe, expect, it } from 'vitest';
import { fromZod } from '../../server/api/errors.js';
import { common, format, isValidDate, paging, phase, query, region } from '../../server/answers/params.js';

const schema = query({ ...common, region, phase, ...paging, format });

function message(input: Record<string, unknown>): string {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return fromZod(result.error).message;
}

describe('common query parameters', () => {
  it('fill in their defaults', () => {
    expect(schema.parse({})).toEqual({ network: 'teaching-schools', limit: 100, offset: 0, format: 'json' });
  });

  it('convert and trim what they are given', () => {
    expect(
      schema.parse({ network: 'hubs', as_at: '2016-02-29', region: ' London ', limit: '1000', offset: '20' }),
    ).toMatchObject({ network: 'hubs', as_at: '2016-02-29', region: 'London', limit: 1000, offset: 20 });
  });

  it.each([
    [{ network: 'schools' }, "network: 'schools' is not one of teaching-schools, nles, hubs"],
    [{ as_at: '2015-02-29' }, "as_at: '2015-02-29' is not a date"],
    [{ as_at: '2015-2-1' }, "as_at: '2015-2-1' is not a date (expected YYYY-MM-DD)"],
    [{ limit: '0' }, "limit: '0' is not between 1 and 1000"],
    [{ limit: '1001' }, "limit: '1001' is not between 1 and 1000"],
    [{ limit: '-5' }, "limit: '-5' is not a whole number"],
    [{ limit: '2.5' }, "limit: '2.5' is not a whole number"],
    [{ limit: '' }, "limit: '' is not a whole number"],
    [{ offset: 'ten' }, "offset: 'ten' is not a whole number"],
    [{ format: 'CSV' }, "format: 'CSV' is not one of json, csv"],
    [{ region: 'x'.repeat(201) }, `region: '${'x'.repeat(60)}…' is longer than 200 characters`],
    [{ phase: ['a', 'b'] }, 'phase: given 2 times; give it once'],
  ])('name the bad value: %j', (input, expected) => {
    expect(message(input)).toBe(expected);
  });
});

describe('isValidDate', () => {
  it.each([
    ['2014-05-26', true],
    ['2016-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2014-02-31', false],
    ['2014-13-01', false],
    ['20140526', false],
  ])('%s -> %s', (input, expected) => {
    expect(isValidDate(input)).toBe(expected);
  });
});
