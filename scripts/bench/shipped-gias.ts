// A GIAS file of any length made of the shipped one's rows, each under a new URN: the values, their mix and their
// quirks are real (areas, phases, blanks, quoted names), and the list is a new one, so importing it replaces
// every establishment of the list before it (all leave, all join), as a real new extract does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/paths.js';

export const SHIPPED_GIAS = join(PROJECT_ROOT, 'data/establishments/gias_open_establishments_2018-03-12.csv');

/** Writes `rows` rows of the shipped file, in turn, with 6-digit URNs none of the shipped rows has. */
export function writeShippedGiasFile(path: string, rows: number): void {
  const [header, ...lines] = readFileSync(SHIPPED_GIAS, 'utf8').trimEnd().split(/\r?\n/);
  // Every row starts with its URN, unquoted (checked: no line starts otherwise).
  const urnOf = (line: string) => Number(line.slice(0, line.indexOf(',')));
  const shipped = new Set(lines.map(urnOf));
  if (shipped.has(NaN)) throw new Error(`${SHIPPED_GIAS}: a row does not start with its URN`);
  const out = [header];
  let urn = 100_000;
  for (let i = 0; i < rows; i++) {
    while (shipped.has(urn)) urn++;
    const line = lines[i % lines.length]!;
    out.push(`${urn++}${line.slice(line.indexOf(','))}`);
  }
  if (urn > 999_999) throw new Error(`${rows} rows need more new 6-digit URNs than there are`);
  // CRLF, as GIAS writes it (and the shipped file has it).
  writeFileSync(path, `${out.join('\r\n')}\r\n`);
}
