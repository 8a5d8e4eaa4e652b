// The ZIP download of a table: its CSV (the same bytes as the CSV download) beside a README.txt that says what the
// figures are, where they came from, how to get the same view again and under which licence they may be used.
// Loaded only when a ZIP is asked for, so fflate is not part of the first page load.
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import type { About } from './about.js';
import { describeVersion } from '../format.js';
import { OGL_ATTRIBUTION, OGL_LICENCE } from '../licence.js';

export interface ReadmeInput {
  about: About;
  /** The CSV's file name inside the ZIP. */
  csvName: string;
  /** The CSV's header row. */
  columns: string[];
  /** Whether the CSV starts with a byte order mark (the page's CSVs do; the server's do not). */
  bom: boolean;
  /** The page the file was downloaded from; its address restores the view. */
  url: string;
}

/** The column labels of a CSV's header row (RFC 4180 quoting, read by Papa Parse; a leading BOM is skipped). */
export function csvHeader(csv: string): string[] {
  const text = csv.replace(/^\ufeff/, '');
  if (text === '') return [];
  return Papa.parse<string[]>(text, { preview: 1, delimiter: ',' }).data[0] ?? [];
}

/** README.txt: plain text with CRLF line ends, so that every text editor shows it as lines. */
export function readmeText({ about, csvName, columns, bom, url }: ReadmeInput): string {
  const version = about.dataVersion
    ? `${about.dataVersion} (${describeVersion(about.dataVersion)})`
    : 'unknown (nothing had been imported)';
  const lines = [
    about.title,
    about.date,
    '',
    'Files',
    `  ${csvName}: the figures as comma-separated values ` +
      `(UTF-8${bom ? ' with a byte order mark' : ''}, a header row, CRLF line ends)`,
    '  README.txt: this file',
    '',
    `Data version: ${version}`,
    `Source: ${about.source}`,
    '',
    `Columns (${columns.length})`,
    ...columns.map((c, i) => `  ${i + 1}. ${c}`),
    '',
    'Downloaded from',
    `  ${url}`,
    '  The address opens the same view again: the network, the date and any filters.',
    '',
    'Licence',
    `  ${OGL_LICENCE.name}: ${OGL_LICENCE.url}`,
    OGL_ATTRIBUTION.join(' '),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The time stamped on the ZIP's entries: the data version's import time (its 14 digits, UTC), or 1 January 1980
 * without one, so the same data gives the same bytes. ZIP times have no time zone and fflate reads the local
 * fields of the Date, so the UTC fields are given as local ones: the stamp reads the same in every time zone.
 */
export function zipTime(dataVersion: string | null): Date {
  const m = dataVersion ? /^\d+\.(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(dataVersion) : null;
  const [y, mo, d, hh, mm, ss] = (m?.slice(1) ?? []).map(Number);
  // The ZIP format holds the years 1980 to 2107; fflate takes up to 2099.
  if (y === undefined || y < 1980 || y > 2099) return new Date(1980, 0, 1);
  return new Date(y, mo! - 1, d, hh, mm, ss);
}

export interface CsvZipInput extends Omit<ReadmeInput, 'columns' | 'bom'> {
  /** The CSV exactly as the CSV download holds it (BOM included): its text, or the bytes the server sent. */
  csv: string | Uint8Array;
}

/** `<csvName>` and `README.txt` (its columns read from the CSV's header), deflated, in one ZIP. */
export function csvZip(input: CsvZipInput): Uint8Array<ArrayBuffer> {
  const mtime = zipTime(input.about.dataVersion);
  const csv = typeof input.csv === 'string' ? strToU8(input.csv) : input.csv;
  const columns = csvHeader(new TextDecoder().decode(csv));
  const bom = csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf;
  // zipSync allocates its output with `new Uint8Array(n)`: a plain ArrayBuffer, as a Blob needs.
  return zipSync(
    {
      [input.csvName]: [csv, { mtime }],
      'README.txt': [strToU8(readmeText({ ...input, columns, bom })), { mtime }],
    },
    { level: 6 },
  ) as Uint8Array<ArrayBuffer>;
}
