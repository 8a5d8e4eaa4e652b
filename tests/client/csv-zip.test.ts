import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  csvHeader,
  csvZip,
  readmeText,
  zipTime,
  type ReadmeInput,
} from '../../client/src/download/csv-zip.js';

const OGL =
  'Contains public sector information licensed under the Open Government Licence v3.0. ' +
  'Contains National Statistics data © Crown copyright and database right 2016. ' +
  'Contains OS data © Crown copyright and database right 2016.';

const CSV = '\ufeffDate,"Teaching schools, exact",Source\r\n2014-05-26,548,"NCTL, ""list"""\r\n';

const input: ReadmeInput = {
  about: {
    title: 'Teaching schools over time',
    date: 'Chosen date 12 March 2018',
    dataVersion: '7.20261123093015',
    source: 'DfE and NCTL publications (see the table) and imported member lists',
  },
  csvName: 'teaching-schools-progress-2018-03-12.csv',
  columns: ['Date', 'Teaching schools, exact', 'Source'],
  bom: true,
  url: 'http://localhost:3000/?view=progress&network=teaching-schools&as_at=2018-03-12',
};

describe('csvHeader', () => {
  it.each([
    ['a plain header', 'a,b,c\r\n1,2,3\r\n', ['a', 'b', 'c']],
    ['a BOM first', '\ufeffa,b\r\n', ['a', 'b']],
    ['quoted commas and quotes', '"x, y","say ""hi""",z\n1,2,3', ['x, y', 'say "hi"', 'z']],
    ['a line break inside quotes', '"two\r\nlines",b\r\n', ['two\r\nlines', 'b']],
    ['an empty last label', 'a,\r\n', ['a', '']],
    ['no line end', 'a,b', ['a', 'b']],
    ['nothing', '', []],
    ['only a BOM', '\ufeff', []],
  ])('reads %s', (_, csv, expected) => {
    expect(csvHeader(csv)).toEqual(expected);
  });
});

describe('readmeText', () => {
  it('says what the file is, its version, source, columns, address and licence, in CRLF lines', () => {
    expect(readmeText(input).split('\r\n')).toEqual([
      'Teaching schools over time',
      'Chosen date 12 March 2018',
      '',
      'Files',
      '  teaching-schools-progress-2018-03-12.csv: the figures as comma-separated values ' +
        '(UTF-8 with a byte order mark, a header row, CRLF line ends)',
      '  README.txt: this file',
      '',
      'Data version: 7.20261123093015 (import 7 of 23 November 2026, 09:30 UTC)',
      'Source: DfE and NCTL publications (see the table) and imported member lists',
      '',
      'Columns (3)',
      '  1. Date',
      '  2. Teaching schools, exact',
      '  3. Source',
      '',
      'Downloaded from',
      '  http://localhost:3000/?view=progress&network=teaching-schools&as_at=2018-03-12',
      '  The address opens the same view again: the network, the date and any filters.',
      '',
      'Licence',
      '  Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      OGL,
      '',
    ]);
  });

  it('says so when there is no data version', () => {
    const text = readmeText({ ...input, about: { ...input.about, dataVersion: null } });
    expect(text).toContain('Data version: unknown (nothing had been imported)\r\n');
  });
});

describe('zipTime', () => {
  it('is the data version\u2019s UTC time, read the same in any time zone', () => {
    const t = zipTime('7.20261123093015');
    expect([
      t.getFullYear(),
      t.getMonth(),
      t.getDate(),
      t.getHours(),
      t.getMinutes(),
      t.getSeconds(),
    ]).toEqual([2026, 10, 23, 9, 30, 15]);
  });

  it.each([null, 'not-a-version', '3.19700101000000'])('is 1 January 1980 for %s', (v) => {
    const t = zipTime(v);
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours()]).toEqual([1980, 0, 1, 0]);
  });
});

describe('csvZip', () => {
  it('holds the CSV byte for byte (BOM included) and the README with the CSV\u2019s columns', () => {
    const files = unzipSync(csvZip({ ...input, csv: CSV }));
    expect(Object.keys(files)).toEqual(['teaching-schools-progress-2018-03-12.csv', 'README.txt']);
    const csv = files['teaching-schools-progress-2018-03-12.csv']!;
    expect(Buffer.from(csv)).toEqual(Buffer.from(CSV, 'utf8'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(files['README.txt']!)).toBe(readmeText(input));
  });

  it('holds bytes as given (a CSV the server sent, without a BOM)', () => {
    const sent = new TextEncoder().encode('a,"b, c"\r\n1,2\r\n');
    const files = unzipSync(csvZip({ ...input, csvName: 'members.csv', csv: sent }));
    expect(Buffer.from(files['members.csv']!)).toEqual(Buffer.from(sent));
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('Columns (2)\r\n  1. a\r\n  2. b, c\r\n');
    expect(readme).toContain('members.csv: the figures as comma-separated values (UTF-8, a header row, CRLF');
  });

  it('gives the same bytes for the same data, stamped with the data version\u2019s time', () => {
    const a = csvZip({ ...input, csv: CSV });
    const b = csvZip({ ...input, csv: CSV });
    expect(Buffer.from(a)).toEqual(Buffer.from(b));
    // The first local header's DOS date and time (offset 10): 09:30:14 (two-second steps) on 23 November 2026.
    const view = new DataView(a.buffer, a.byteOffset);
    const time = view.getUint16(10, true);
    const date = view.getUint16(12, true);
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([9, 30, 14]);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 11, 23]);
  });
});
