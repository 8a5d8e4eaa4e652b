import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY,
  isGridOrigin,
  optionalDate,
  optionalInteger,
  optionalNumber,
  optionalText,
  optionalWebAddress,
  parseCoordinates,
  parseDate,
  parseInteger,
  parseLaCode,
  parseNumber,
  parseUrn,
  type Parsed,
} from '../../server/importer/values.js';

const value = <T>(r: Parsed<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
};
const message = <T>(r: Parsed<T>): string => {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.message;
};

describe('parseUrn', () => {
  it.each([
    ['112474', 112474],
    [' 136360 ', 136360],
    ['999999', 999999],
    ['20001', 20001], // GIAS has 5-digit URNs
    ['10000', 10000],
  ])('%j -> %j', (input, expected) => expect(value(parseUrn(input))).toBe(expected));

  it.each([
    ['12x4', "'12x4' is not a URN (5 or 6 digits expected)"],
    ['1234', "'1234' is not a URN (5 or 6 digits expected)"],
    ['1234567', "'1234567' is not a URN (5 or 6 digits expected)"],
    ['09999', "'09999' is not a URN (5 or 6 digits expected)"],
    ['112474.0', "'112474.0' is not a URN (5 or 6 digits expected)"],
    ['+12345', "'+12345' is not a URN (5 or 6 digits expected)"],
    ['12 345', "'12 345' is not a URN (5 or 6 digits expected)"],
    ['', EMPTY],
    ['   ', EMPTY],
  ])('%j is rejected: %s', (input, expected) => expect(message(parseUrn(input))).toBe(expected));
});

describe('parseLaCode', () => {
  it.each([
    ['201', '201'],
    [' 801 ', '801'],
    ['999', '999'],
  ])('%j -> %j', (input, expected) => expect(value(parseLaCode(input))).toBe(expected));

  it.each([
    ['200', "'200' is not a DfE LA code (3 digits, 201 to 999, expected)"],
    ['060', "'060' is not a DfE LA code (3 digits, 201 to 999, expected)"],
    ['80', "'80' is not a DfE LA code (3 digits, 201 to 999, expected)"],
    ['8011', "'8011' is not a DfE LA code (3 digits, 201 to 999, expected)"],
    ['8.1', "'8.1' is not a DfE LA code (3 digits, 201 to 999, expected)"],
    ['E06000023', "'E06000023' is not a DfE LA code (3 digits, 201 to 999, expected)"],
    ['', EMPTY],
  ])('%j is rejected: %s', (input, expected) => expect(message(parseLaCode(input))).toBe(expected));
});

describe('parseDate', () => {
  it('reads ten-character dates as the patterns do, valid or not', () => {
    // The second method: the patterns alone, as every date was read before the char-code reading of these forms.
    const patterns = (t: string) => {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
      if (iso) return [iso[1], iso[2], iso[3]].map(Number);
      const uk = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t);
      return uk ? [uk[4], uk[3], uk[1]].map(Number) : null;
    };
    const cell = fc
      .array(fc.constantFrom(...'0123456789-/. x'), { minLength: 10, maxLength: 10 })
      .map((chars) => chars.join(''));
    const shaped = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .chain(([y, m, d]) => {
        const [yyyy, mm, dd] = [
          String(y).padStart(4, '0'),
          String(m).padStart(2, '0'),
          String(d).padStart(2, '0'),
        ];
        return fc.constantFrom(
          `${yyyy}-${mm}-${dd}`,
          `${dd}-${mm}-${yyyy}`,
          `${dd}/${mm}/${yyyy}`,
          `${dd}.${mm}/${yyyy}`,
        );
      });
    fc.assert(
      fc.property(fc.oneof(cell, shaped), (t) => {
        const parts = patterns(t);
        const parsed = parseDate(t);
        if (parts === null) expect(parsed.ok).toBe(false);
        else {
          const [y, m, d] = parts as [number, number, number];
          const valid =
            y >= 1900 &&
            y <= 2100 &&
            m >= 1 &&
            m <= 12 &&
            d >= 1 &&
            d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(parsed).toEqual(
            valid
              ? { ok: true, value: { date: iso, precision: 'day' } }
              : expect.objectContaining({ ok: false }),
          );
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2014-05-26', '2014-05-26', 'day'],
    ['2014-05', '2014-05', 'month'],
    ['2014', '2014', 'year'],
    [' 2014-05-26 ', '2014-05-26', 'day'],
    ['26/05/2014', '2014-05-26', 'day'],
    ['6/5/2014', '2014-05-06', 'day'],
    ['26-05-2014', '2014-05-26', 'day'], // GIAS
    ['08-02-2017', '2017-02-08', 'day'],
    ['26.05.2014', '2014-05-26', 'day'],
    ['26 May 2014', '2014-05-26', 'day'],
    ['26th May 2014', '2014-05-26', 'day'],
    ['1 march 2015', '2015-03-01', 'day'],
    ['May 2014', '2014-05', 'month'],
    ['Mar 2015', '2015-03', 'month'],
    ['March 2015', '2015-03', 'month'],
    ['Sept 2016', '2016-09', 'month'],
    ['DEC 2012', '2012-12', 'month'],
    ['29/02/2016', '2016-02-29', 'day'],
    ['2000-02-29', '2000-02-29', 'day'],
  ])('%j -> %s (%s)', (input, date, precision) =>
    expect(value(parseDate(input))).toEqual({ date, precision }),
  );

  it.each([
    ['2014-02-31', "'2014-02-31' is not a date (February 2014 has 28 days)"],
    ['31/04/2014', "'31/04/2014' is not a date (April 2014 has 30 days)"],
    ['29-02-2015', "'29-02-2015' is not a date (February 2015 has 28 days)"],
    ['1900-02-29', "'1900-02-29' is not a date (February 1900 has 28 days)"],
    ['00/05/2014', "'00/05/2014' is not a date (there is no day 0)"],
    ['2014-13', "'2014-13' is not a date (there is no month 13)"],
    ['26/13/2014', "'26/13/2014' is not a date (there is no month 13)"],
    ['0214-05-26', "'0214-05-26' is not a date (year 214 is outside 1900 to 2100)"],
    [
      '05/26/14',
      "'05/26/14' is not a date (expected 2014-05-26, 2014-05, 2014, 26/05/2014, 26 May 2014 or May 2014)",
    ],
    [
      'Maybe 2014',
      "'Maybe 2014' is not a date (expected 2014-05-26, 2014-05, 2014, 26/05/2014, 26 May 2014 or May 2014)",
    ],
    [
      '26-05/2014',
      "'26-05/2014' is not a date (expected 2014-05-26, 2014-05, 2014, 26/05/2014, 26 May 2014 or May 2014)",
    ],
    ['', EMPTY],
  ])('%j is rejected: %s', (input, expected) => expect(message(parseDate(input))).toBe(expected));

  it('optionalDate takes empty as null and still rejects bad dates', () => {
    expect(value(optionalDate(' '))).toBeNull();
    expect(value(optionalDate('May 2014'))).toEqual({ date: '2014-05', precision: 'month' });
    expect(message(optionalDate('2014-02-30'))).toBe(
      "'2014-02-30' is not a date (February 2014 has 28 days)",
    );
  });
});

describe('numbers', () => {
  it.each([
    ['1656', 1656],
    ['1,656', 1656],
    [' 1,234,567 ', 1234567],
    ['-3', -3],
    ['+3', 3],
    ['0', 0],
  ])('parseInteger %j -> %j', (input, expected) => expect(value(parseInteger(input))).toBe(expected));

  it.each([
    ['1.5', "'1.5' is not a whole number"],
    ['1,65', "'1,65' is not a whole number"],
    ['12 3', "'12 3' is not a whole number"],
    ['1e3', "'1e3' is not a whole number"],
    ['twelve', "'twelve' is not a whole number"],
    ['99999999999999999', "'99999999999999999' is not a whole number"],
    ['', EMPTY],
  ])('parseInteger %j is rejected: %s', (input, expected) =>
    expect(message(parseInteger(input))).toBe(expected),
  );

  it.each([
    ['52.901239', 52.901239],
    ['-1.475853', -1.475853],
    ['1,656.5', 1656.5],
    ['.5', 0.5],
    ['7', 7],
  ])('parseNumber %j -> %j', (input, expected) => expect(value(parseNumber(input))).toBe(expected));

  it.each([
    ['1.2.3', "'1.2.3' is not a number"],
    ['NaN', "'NaN' is not a number"],
    ['Infinity', "'Infinity' is not a number"],
    ['0x10', "'0x10' is not a number"],
    ['12%', "'12%' is not a number"],
    ['', EMPTY],
  ])('parseNumber %j is rejected: %s', (input, expected) =>
    expect(message(parseNumber(input))).toBe(expected),
  );

  it('optional variants take empty as null', () => {
    expect(value(optionalInteger(''))).toBeNull();
    expect(value(optionalInteger('1,656'))).toBe(1656);
    expect(message(optionalInteger('x'))).toBe("'x' is not a whole number");
    expect(value(optionalNumber('  '))).toBeNull();
    expect(value(optionalNumber('2.5'))).toBe(2.5);
  });
});

describe('parseCoordinates', () => {
  it.each([
    ['52.901239', '-1.475853', { latitude: 52.901239, longitude: -1.475853 }], // Derby
    ['49.914459', '-6.315239', { latitude: 49.914459, longitude: -6.315239 }], // Isles of Scilly
    ['55.785809', '-2.0', { latitude: 55.785809, longitude: -2 }], // Berwick-upon-Tweed
    ['52.480785', '1.752296', { latitude: 52.480785, longitude: 1.752296 }], // Lowestoft
    ['', '', null],
    [' ', '  ', null],
  ])('(%j, %j) -> %j', (lat, lon, expected) => expect(value(parseCoordinates(lat, lon))).toEqual(expected));

  it.each([
    ['52.9', '', "latitude '52.9' has no longitude"],
    ['', '-1.4', "longitude '-1.4' has no latitude"],
    ['north', '-1.4', "'north' is not a latitude"],
    ['52.9', '1.4W', "'1.4W' is not a longitude"],
    ['95', '-1.4', "'95' is not a latitude"],
    [
      '49.766807',
      '-7.557160',
      "latitude '49.766807', longitude '-7.557160' is outside England (latitude 49.8 to 55.9, longitude -6.5 to 2)",
    ],
    [
      '56.338507',
      '-2.786388',
      "latitude '56.338507', longitude '-2.786388' is outside England (latitude 49.8 to 55.9, longitude -6.5 to 2)",
    ],
    [
      '-1.475853',
      '52.901239',
      "latitude '-1.475853', longitude '52.901239' is outside England (latitude 49.8 to 55.9, longitude -6.5 to 2; are they swapped?)",
    ],
  ])('(%j, %j) is rejected: %s', (lat, lon, expected) =>
    expect(message(parseCoordinates(lat, lon))).toBe(expected),
  );

  it('checks only the globe when given no box', () => {
    expect(value(parseCoordinates('56.338507', '-2.786388', null))).toEqual({
      latitude: 56.338507,
      longitude: -2.786388,
    });
    expect(message(parseCoordinates('91', '0', null))).toBe("'91' is not a latitude");
  });

  it("recognises GIAS's grid-origin placeholder", () => {
    expect(isGridOrigin({ latitude: 49.766807, longitude: -7.55716 })).toBe(true);
    expect(isGridOrigin({ latitude: 49.914459, longitude: -6.315239 })).toBe(false);
  });
});

describe('optionalText', () => {
  it.each([
    ['  Derby  ', 'Derby'],
    ['', null],
    ['\t ', null],
  ])('%j -> %j', (input, expected) => expect(value(optionalText(input))).toBe(expected));
});

describe('optionalWebAddress', () => {
  it.each([
    ['https://www.gov.uk/government/news/x', 'https://www.gov.uk/government/news/x'],
    [' http://example.org/a?b=c ', 'http://example.org/a?b=c'],
    ['', null],
  ])('takes %j', (input, expected) => expect(value(optionalWebAddress(input))).toBe(expected));

  it.each([
    ['javascript:alert(1)', "'javascript:alert(1)' is not an http or https address"],
    ['data:text/html,<script>', "'data:text/html,<script>' is not an http or https address"],
    ['ftp://example.org/f', "'ftp://example.org/f' is not an http or https address"],
    ['www.example.org', "'www.example.org' is not a web address (https://...)"],
  ])('refuses %j, naming it', (input, expected) => expect(message(optionalWebAddress(input))).toBe(expected));
});
