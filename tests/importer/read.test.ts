import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BATCH_ROWS,
  MAX_CELLS,
  MAX_CELL_CHARS,
  type RowBatch,
  ReadError,
  UTF16_MESSAGE,
  decode,
  detectDelimiter,
  readC1AsWindows1252,
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

describe('files an admin really has', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('a UTF-8 file with a stray Windows-1252 byte is refused, naming the line and the byte', () => {
    const file = bytes('name,urn\nCafé,1\nSch', [0xe9], 'ols,2\nÉcole,3\n');
    expect(() => decode(file)).toThrow(ReadError);
    expect(() => decode(file)).toThrow(
      /^line 3, byte 4: 0xE9 is not UTF-8, though the rest of the file is \(line 3\)/,
    );
    // After a BOM too: the BOM says UTF-8.
    expect(() => decode(bytes([0xef, 0xbb, 0xbf], 'name\nSch', [0xe9], 'ols\n'))).toThrow(
      /^line 2, byte 4: 0xE9/,
    );
  });

  it('a file whose only non-ASCII bytes are Windows-1252 is still read as Windows-1252', () => {
    const decoded = decode(bytes('name,urn\nSch', [0xe9], 'ols,2\n', [0x93], 'x', [0x94], ',3\n'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('name,urn\nSchéols,2\n\u201cx\u201d,3\n');
  });

  it.each([
    [
      'UTF-16 LE with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,urn\nA,1\n', 'utf16le')]),
    ],
    [
      'UTF-16 BE with a BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('name,urn\nA,1\n', 'utf16le').swap16()]),
    ],
    ['UTF-16 LE without one', Buffer.from('name,urn\nSchéols,1\n', 'utf16le')],
    ['UTF-16 BE without one', Buffer.from('name,urn\nSchéols,1\n', 'utf16le').swap16()],
  ])('%s is refused: save it as CSV UTF-8', (_name, file) => {
    expect(() => decode(file)).toThrow(UTF16_MESSAGE);
    expect(UTF16_MESSAGE).toMatch(/^this file is UTF-16; save it as CSV UTF-8/);
  });

  it.each([
    [
      'NUL',
      'name,urn\nA\u0000B,1\n',
      /^line 2, column 'name': a control character \(U\+0000, NUL\) at character 2/,
    ],
    [
      'ESC',
      'name,urn\nA,1\n"B\nC\u001b[31m",2\n',
      /^line 4, column 'name': a control character \(U\+001B, ESC\)/,
    ],
    ['a bell in the header', 'na\u0007me,urn\nA,1\n', /^line 1, cell 1: a control character \(U\+0007\)/],
    ['DEL', 'name,urn\nA,1\u007f\n', /^line 2, column 'urn': a control character \(U\+007F\)/],
    [
      'a right-to-left override',
      'name,urn\nA\u202eloohcs,1\n',
      /^line 2, column 'name': a bidirectional control \(U\+202E\)/,
    ],
    ['a left-to-right embedding', 'name,urn\n\u202aA,1\n', /U\+202A/],
    ['a first-strong isolate', 'name,urn\nA\u2068B\u2069,1\n', /U\+2068/],
    [
      'a C1 byte Windows-1252 leaves undefined',
      'name,urn\nA\u0081B,1\n',
      /^line 2, column 'name': a control character \(U\+0081\)/,
    ],
  ])('%s is refused, naming the line and the column', (_name, text, message) => {
    expect(() => read(text)).toThrow(ReadError);
    expect(() => read(text)).toThrow(message);
  });

  it('tabs, line breaks in quotes and plain Unicode are kept', () => {
    expect(read('name,urn\n"A\tB\r\nC",1\nZoë \u2019s – ok,2\n').rows).toEqual([
      ['A\tB\r\nC', '1'],
      ['Zoë \u2019s – ok', '2'],
    ]);
  });

  it('C1 characters are read as the Windows-1252 punctuation meant, and said so, naming the lines', () => {
    const decoded = decode(Buffer.from('name\nSt Stephen\u0092s\nplain\nA\u0096B \u0093C\u0094\n', 'utf8'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('name\nSt Stephen\u2019s\nplain\nA\u2013B \u201cC\u201d\n');
    expect(decoded.warnings).toEqual([
      expect.stringMatching(/^2 lines held C1 control characters .*: lines 2, 4$/),
    ]);
    expect(readC1AsWindows1252('no C1 here')).toEqual({ text: 'no C1 here', lines: [] });
    expect(readC1AsWindows1252('a\u0081b')).toEqual({ text: 'a\u0081b', lines: [] }); // undefined in Windows-1252
  });

  it("GIAS's register of June 2024: its 17 names with C1 characters read as meant", () => {
    const decoded = decode(
      readFileSync(new URL('../../data/establishments/gias_register_2024-06-17.csv', import.meta.url)),
    );
    expect(decoded.text).toContain('St Stephen\u2019s International');
    expect(decoded.text).not.toMatch(/[\u0080-\u009f]/);
    expect(decoded.warnings).toEqual([
      expect.stringMatching(/^17 lines held C1 control characters .*: lines 45250, 45251, /),
    ]);
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

describe('readC1AsWindows1252: each C1 character read as its Windows-1252 punctuation', () => {
  it.each([
    ['St Stephen\u0092s International', 'St Stephen\u2019s International'],
    ['Bishop\u0096Challoner', 'Bishop\u2013Challoner'],
    ['\u0093quoted\u0094 \u0085 \u0080', '\u201cquoted\u201d \u2026 \u20ac'],
    [
      'undefined in 1252: \u0081\u008d\u008f\u0090\u009d',
      'undefined in 1252: \u0081\u008d\u008f\u0090\u009d',
    ],
    ['plain text, é and ’ kept', 'plain text, é and ’ kept'],
  ])('%j -> %j', (input, expected) => {
    expect(readC1AsWindows1252(input).text).toBe(expected);
  });
});
