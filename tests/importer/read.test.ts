import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BATCH_ROWS,
  MAX_CELLS,
  MAX_CELL_CHARS,
  type RowBatch,
  ReadError,
  decode,
  detectDelimiter,
  headerKey,
  readTable,
} from '../../server/importer/read.js';

function read(text: string | Buffer) {
  const batches: RowBatch[] = [];
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const info = readTable(bytes, (batch) => batches.push(batch));
  return {
    ...info,
    rows: batches.flatMap((b) => b.rows),
    lines: batches.flatMap((b) => b.lines),
  };
}

describe('decode', () => {
  it.each([
    ['UTF-8', Buffer.from('a,b\nCafé,1\n'), 'utf-8', 'Café'],
    ['UTF-8 with BOM', Buffer.from('\ufeffa,b\nCafé,1\n'), 'utf-8-bom', 'Café'],
    ['Windows-1252', Buffer.from('a,b\n\x93Caf\xe9\x94,1\n', 'latin1'), 'windows-1252', '\u201cCafé\u201d'],
  ])('%s', (_name, bytes, encoding, expected) => {
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain(expected);
    expect(decoded.text.startsWith('\ufeff')).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1;2;3', ';'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['"a,b";c;d\n', ';'],
    ['single\n', ','],
  ])('%j -> %j', (text, delimiter) => expect(detectDelimiter(text)).toBe(delimiter));
});

describe('headerKey', () => {
  it.each([
    [' Local Authority', 'localauthority'],
    ['local_authority', 'localauthority'],
    ['LA (code)', 'lacode'],
    [' URN', 'urn'],
  ])('%j -> %j', (header, key) => expect(headerKey(header)).toBe(key));
});

describe('readTable', () => {
  it('trims header names and keeps cells as written', () => {
    const t = read(' Alliance Name, URN\r\nNorth ,100000\r\n');
    expect(t.headers).toEqual(['Alliance Name', 'URN']);
    expect(t.rows).toEqual([['North ', '100000']]);
  });

  it('reads quoted fields with delimiters and newlines, and numbers lines as in the file', () => {
    const t = read('name,urn\n"Multi\nline, school",100000\nNext,100001\n');
    expect(t.rows).toEqual([
      ['Multi\nline, school', '100000'],
      ['Next', '100001'],
    ]);
    expect(t.lines).toEqual([2, 4]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('numbers lines after quoted newlines, blank lines and a last row with no break (%s)', (_name, br) => {
    const text = ['h,n', '"a', '', 'b",1', '', 'c,2', '"d', 'e"', 'f,"3', '"'].join(br);
    const t = read(text);
    expect(t.rows).toEqual([[`a${br}${br}b`, '1'], ['c', '2'], [`d${br}e`], ['f', `3${br}`]]);
    expect(t.lines).toEqual([2, 6, 7, 9]);
  });

  it('numbers every row by the lines before it, quoted breaks or not, wherever the quotes are', () => {
    // A cell: plain, quoted on one line, or quoted around 1-2 breaks; counted here from how the rows were made.
    const cell = fc.oneof(
      fc.constantFrom('a', 'bb', '7'),
      fc.constantFrom('"q, r"', '""'),
      fc.constantFrom('"x\ny"', '"x\n\ny"', '"\nz"'),
    );
    const rows = fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(rows, fc.constantFrom('\n', '\r\n'), (cells, br) => {
        const lines = cells.map((pair) => pair.join(',').replaceAll('\n', br));
        const expected: number[] = [];
        let line = 2;
        for (const text of lines) {
          expected.push(line);
          line += 1 + text.split(br).length - 1;
        }
        expect(read(['h,n', ...lines].join(br) + br).lines).toEqual(expected);
      }),
    );
  });

  it('handles CRLF, semicolons and blank lines', () => {
    const t = read('a;b\r\n1;2\r\n\r\n3;4\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(t.lines).toEqual([2, 4]);
  });

  it('batches a large file and reports progress up to 1', () => {
    const text = 'n\n' + Array.from({ length: 2 * BATCH_ROWS + 1 }, (_, i) => String(i)).join('\n');
    const batches: RowBatch[] = [];
    readTable(Buffer.from(text), (b) => batches.push(b));
    expect(batches.map((b) => b.rows.length)).toEqual([BATCH_ROWS, BATCH_ROWS, 1]);
    expect(batches.at(-1)!.progress).toBe(1);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['whitespace only', '  \n \n', 'the file is empty'],
    ['an unterminated quote', 'a,b\n"open,1\n', 'unterminated quoted field'],
    [
      'a value over the cell limit, naming its line and column',
      `urn,name\n1,ok\n2,${'x'.repeat(MAX_CELL_CHARS + 1)}\n`,
      `line 3, column 'name': a value of ${MAX_CELL_CHARS + 1} characters; at most ${MAX_CELL_CHARS} are read`,
    ],
    [
      'a row over the width limit',
      `a,b\n${','.repeat(MAX_CELLS)}\n`,
      `line 2 has ${MAX_CELLS + 1} cells; at most ${MAX_CELLS} are read`,
    ],
    [
      'a header over the width limit',
      `${Array.from({ length: MAX_CELLS + 1 }, (_, i) => `c${i}`).join(',')}\n`,
      `line 1 has ${MAX_CELLS + 1} cells`,
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(() => read(text)).toThrow(ReadError);
    expect(() => read(text)).toThrow(message);
  });
});
