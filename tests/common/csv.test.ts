import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../common/csv.js';
import { csvFileName, toCsv } from '../../server/answers/csv.js';
import { toCsv as tableCsv, type Column } from '../../client/src/table.js';

// The one CSV writer (common/csv.ts), and the API's and the dashboard's CSVs made with it.

describe('csvCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tHYPERLINK', "'\tHYPERLINK"],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
    ['a=b', 'a=b'],
  ])('neutralises text a spreadsheet would run: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves numbers alone, negative ones too', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(0)).toBe('0');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Smith, John')).toBe('"Smith, John"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes empty cells for null and undefined, and booleans as words', () => {
    expect([null, undefined, true, false].map(csvCell)).toEqual(['', '', 'true', 'false']);
  });
});

describe('toCsv', () => {
  it('writes a header and CRLF-ended rows in column order, keeping UTF-8 as it is', () => {
    const csv = toCsv(['b', 'a'], [{ a: 'École', b: 1 }, { a: '=x' }]);
    expect(csv).toBe("b,a\r\n1,École\r\n,'=x\r\n");
  });
});

describe('the dashboard’s CSV', () => {
  it('is the same writer: headings are the table’s labels, cells are the raw values', () => {
    const columns: Column<{ name: string; n: number | null }>[] = [
      { key: 'name', label: 'Council area', value: (r) => r.name },
      { key: 'n', label: 'Schools, open', value: (r) => r.n },
    ];
    const rows = [
      { name: '=cmd', n: 2 },
      { name: 'Hackney, "East"', n: null },
    ];
    const expected = `Council area,"Schools, open"\r\n'=cmd,2\r\n"Hackney, ""East""",\r\n`;
    expect(tableCsv(columns, rows)).toBe(expected);
    expect(
      csvText(
        ['Council area', 'Schools, open'],
        [
          ['=cmd', 2],
          ['Hackney, "East"', null],
        ],
      ),
    ).toBe(expected);
  });
});

describe('csvFileName', () => {
  it('keeps a header-safe name', () => {
    expect(csvFileName('coverage 2018/03 "x"')).toBe('coverage-2018-03-x.csv');
    expect(csvFileName('///')).toBe('data.csv');
  });
});
