import Papa from 'papaparse';
import {
  type NotUtf8,
  forbiddenCharacter,
  hasForbiddenCharacter,
  looksUtf16,
  notUtf8,
} from './characters.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** What reading changed in the text and the report says (C1 characters read as Windows-1252). */
  warnings: string[];
}

export const UTF16_MESSAGE =
  'this file is UTF-16; save it as CSV UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)")';

/**
 * Bytes to text. UTF-16 is refused with what to do. Otherwise the bytes are read as strict UTF-8 (after a BOM, if
 * any); bytes that are not UTF-8 anywhere in the file are read as Windows-1252 (what Excel on Windows writes),
 * which maps every byte to a character; but a UTF-8 file with a stray Windows-1252 byte is refused, naming the
 * line and the byte: read whole as Windows-1252 its UTF-8 would turn to mojibake ('Schéols' to 'SchÃ©ols').
 */
export function decode(bytes: Uint8Array): Decoded {
  if (looksUtf16(bytes)) throw new ReadError(UTF16_MESSAGE);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const where = notUtf8(body);
    if (!bom && !where.hasUtf8)
      return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings: [] };
    throw new ReadError(strayBytes(where));
  }
  const read = readC1AsWindows1252(text);
  const warnings = read.lines.length === 0 ? [] : [c1Warning(read.lines)];
  return { text: read.text, encoding: bom ? 'utf-8-bom' : 'utf-8', warnings };
}

const listed = (lines: number[]) =>
  lines.length <= 10 ? lines.join(', ') : `${lines.slice(0, 10).join(', ')} and ${lines.length - 10} more`;

function strayBytes({ first, lines }: NotUtf8): string {
  const byte = first!.byte.toString(16).toUpperCase();
  return (
    `line ${first!.line}, byte ${first!.column}: 0x${byte} is not UTF-8, though the rest of the file is ` +
    `(line${lines.length === 1 ? '' : 's'} ${listed(lines)}); the file mixes two encodings: ` +
    'correct those characters and save it as CSV UTF-8'
  );
}

function c1Warning(lines: number[]): string {
  return (
    `${lines.length} line${lines.length === 1 ? '' : 's'} held C1 control characters (U+0080-U+009F), read as ` +
    `the Windows-1252 punctuation they stand for (U+0092 as \u2019, U+0096 as \u2013): line${lines.length === 1 ? '' : 's'} ${listed(lines)}`
  );
}

// Node's TextDecoder('windows-1252') decodes as ISO-8859-1, turning Excel's curly quotes and dashes into control
// characters; Windows-1252 differs from it only in 0x80-0x9F, so those bytes are mapped here.
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const chars = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    chars[i] = b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : String.fromCharCode(b);
  }
  return chars.join('');
}

const C1 = /[\u0080-\u009f]/g;

/**
 * C1 characters (U+0080-U+009F) read as the Windows-1252 characters of the same byte: in real files they are
 * Windows-1252 punctuation that was decoded as Latin-1 upstream (GIAS's register of June 2024 has
 * 'St Stephen\u0092s International', 17 such names). The five bytes Windows-1252 leaves undefined stay as they are
 * (and are refused as control characters). Returns the text and the 1-based lines that changed.
 */
export function readC1AsWindows1252(text: string): { text: string; lines: number[] } {
  if (!/[\u0080-\u009f]/.test(text)) return { text, lines: [] };
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  const read = text.replace(C1, (c1, offset: number) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    counted = offset;
    const meant = CP1252_80_9F[c1.charCodeAt(0) - 0x80]!;
    if (meant !== c1 && lines.at(-1) !== line) lines.push(line);
    return meant;
  });
  return { text: read, lines };
}

const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter that splits the header line into the most fields, counting only outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as Delimiter))
      counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Header names compared after trimming, case- and punctuation-insensitively: ' Local Authority' = 'local_authority'. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface TableInfo {
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  /** What reading changed, for the report (Decoded.warnings). */
  warnings: string[];
}

/** Rows of a table, each with its 1-based line number in the file (the header is line 1). */
export interface RowBatch {
  rows: string[][];
  lines: number[];
  /** Share of the text read so far, 0-1. */
  progress: number;
}

export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}

// Far above any real list (GIAS's widest export has about 130 columns; the longest quote in the milestones is under
// 400 characters), and low enough that a hostile file cannot make one row cost megabytes to hold and report.
export const MAX_CELLS = 1000;
export const MAX_CELL_CHARS = 10_000;

const columnName = (headers: string[] | null, i: number) =>
  headers?.[i] ? `column '${headers[i]}'` : `cell ${i + 1}`;

/** Why a row is too wide or holds too long a value (naming the line and the column), or null. */
function overLimit(row: string[], line: number, headers: string[] | null): string | null {
  if (row.length > MAX_CELLS) return `line ${line} has ${row.length} cells; at most ${MAX_CELLS} are read`;
  for (let i = 0; i < row.length; i++) {
    const length = row[i]!.length;
    if (length > MAX_CELL_CHARS) {
      return `line ${line}, ${columnName(headers, i)}: a value of ${length} characters; at most ${MAX_CELL_CHARS} are read`;
    }
  }
  return null;
}

/**
 * The first control or bidirectional character in a row (characters.ts), naming the line and the column: served
 * raw in JSON and CSV, NUL and ESC reach terminals and spreadsheets, and an override shows a name reversed.
 */
function forbiddenIn(row: string[], line: number, headers: string[] | null): string | null {
  for (let i = 0; i < row.length; i++) {
    const found = forbiddenCharacter(row[i]!);
    if (found !== null) {
      const at = row[i]!.slice(0, found.index).split('\n').length - 1;
      return `line ${line + at}, ${columnName(headers, i)}: ${found.description} at character ${found.index + 1} of the value; remove it`;
    }
  }
  return null;
}

// Small batches start the writer sooner and keep parsed rows out of the old generation (less GC).
export const BATCH_ROWS = 1000;

/**
 * Parses delimited text in batches (to keep memory flat on large files), calling onBatch for each.
 * Quoted fields may hold delimiters and newlines; CRLF and LF both end a row; blank lines are skipped.
 */
export function readTable(
  bytes: Uint8Array | Decoded,
  onBatch: (batch: RowBatch) => void,
  onHeaders: (headers: string[]) => void = () => {},
): TableInfo {
  const { text, encoding, warnings } = bytes instanceof Uint8Array ? decode(bytes) : bytes;
  if (text.trim() === '') throw new ReadError('the file is empty');
  // One search of the whole text; rows are searched only in a file that holds such a character somewhere.
  const risky = hasForbiddenCharacter(text);
  const delimiter = detectDelimiter(text);
  let headers: string[] | null = null;
  let rows: string[][] = [];
  let lines: number[] = [];
  let line = 1;
  let rowStart = 0;
  let parseError: string | null = null;
  let failure: unknown = null;

  const flush = (progress: number) => {
    if (rows.length === 0) return;
    onBatch({ rows, lines, progress });
    rows = [];
    lines = [];
  };

  Papa.parse<string[]>(text, {
    delimiter,
    newline: undefined,
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = result.data;
      const rowLine = line;
      // A quoted field may span lines: count the newlines the row consumed to keep line numbers true.
      const rowEnd = result.meta.cursor;
      line += 1 + newlinesWithin(text, rowStart, rowEnd);
      rowStart = rowEnd;
      if (result.errors.length > 0 && result.errors.some((e) => e.type === 'Quotes')) {
        parseError = `line ${rowLine}: unterminated quoted field`;
        parser.abort();
        return;
      }
      if (row.length === 1 && row[0]!.trim() === '') return;
      parseError = overLimit(row, rowLine, headers) ?? (risky ? forbiddenIn(row, rowLine, headers) : null);
      if (parseError !== null) {
        parser.abort();
        return;
      }
      if (headers === null) {
        headers = row.map((h) => h.trim());
        try {
          onHeaders(headers);
        } catch (error) {
          failure = error;
          parser.abort();
        }
        return;
      }
      rows.push(row);
      lines.push(rowLine);
      if (rows.length >= BATCH_ROWS) flush(result.meta.cursor / text.length);
    },
  });
  if (failure) throw failure;
  if (parseError) throw new ReadError(parseError);
  flush(1);
  if (headers === null) throw new ReadError('the file has no header row');
  return { encoding, delimiter, headers, warnings };
}

/**
 * Line feeds inside the row that papaparse read from `start` to `end` (its cursor, just after the row's own
 * line break, which is not counted). One search finds the row's own break on most rows, where counting in
 * every cell cost a twentieth of a large import.
 */
function newlinesWithin(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end - 1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
