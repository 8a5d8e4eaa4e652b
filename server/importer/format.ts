import type { AreaIndex } from './areas.js';
import type { Parsed } from './values.js';
import { headerKey } from './read.js';

/** One problem with one cell (or with the file, when row is 0), naming the row, the column and the value. */
export interface FieldError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export type Validated<R> = { ok: true; record: R } | { ok: false; errors: FieldError[] };

/** A column a format understands: its canonical name and the other header names it is published under. */
export interface ColumnSpec {
  name: string;
  aliases?: string[];
}

/** What validation may consult: the known council areas. Validation itself stays pure. */
export interface ValidateContext {
  areas: AreaIndex;
}

/**
 * A canonical column name with a small number of its own, for the formats read on every row of a large file: a
 * row finds the cell by that number in an array. Found by name, the lookup among a dozen names (each row asks
 * some twenty times) cost a twentieth of validating 400,000 establishments.
 */
export interface Column {
  readonly name: string;
  readonly slot: number;
}

const COLUMNS = new Map<string, Column>();

/** The one Column of a canonical name. */
export function column(name: string): Column {
  let found = COLUMNS.get(name);
  if (found === undefined) COLUMNS.set(name, (found = { name, slot: COLUMNS.size }));
  return found;
}

/** A column asked for by its canonical name or by its Column. */
export type ColumnName = string | Column;

const nameOf = (name: ColumnName) => (typeof name === 'string' ? name : name.name);

/** A data row as seen by a format: cells by canonical column name, with the file's own header for messages. */
export class Row {
  constructor(
    readonly line: number,
    private readonly cells: string[],
    private readonly columns: ColumnMap,
  ) {}

  /** The trimmed cell, or '' when the column is absent or the row is short. */
  get(name: ColumnName): string {
    const index = typeof name === 'string' ? this.columns.indexOf(name) : this.columns.indexAt(name);
    return index === undefined ? '' : trimmed(this.cells[index] ?? '');
  }

  /** The trimmed cell, or null when it is empty. */
  text(name: ColumnName): string | null {
    const cell = this.get(name);
    return cell === '' ? null : cell;
  }

  has(name: ColumnName): boolean {
    return this.columns.indexOf(nameOf(name)) !== undefined;
  }

  /** The header this column has in the file (what the user will recognise), or the canonical name. */
  header(name: ColumnName): string {
    return this.columns.headerOf(nameOf(name));
  }
}

// Most cells have nothing to trim: two char codes say so for less than trim() costs (read ~20 times a row).
function trimmed(cell: string): string {
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? cell : cell.trim();
}

/** Collects a row's errors while its cells are parsed, so a format reads as a list of fields. */
export class RowChecker {
  readonly errors: FieldError[] = [];

  constructor(readonly row: Row) {}

  field<T>(name: ColumnName, parse: (value: string) => Parsed<T>): T | undefined {
    const value = this.row.get(name);
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    this.fail(name, value, parsed.message);
    return undefined;
  }

  fail(name: ColumnName, value: string, message: string): void {
    this.errors.push({ row: this.row.line, column: this.row.header(name), value, message });
  }

  result<R>(record: () => R): Validated<R> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, record: record() };
  }
}

/** Where each canonical column sits in a file's header row. */
export class ColumnMap {
  // A plain object, not a Map (a quarter faster, read some fifteen times a row); keys are the formats' own
  // canonical column names, never a file's headers.
  private readonly positions: Record<string, number> = {};
  /** Each Column's position by its slot; -1 where the file lacks it. */
  private readonly slots: Int32Array;
  private readonly headers = new Map<string, string>();
  readonly ignored: string[] = [];
  /** Headers that say the same thing twice ('name' and 'name', or 'name' and 'school name'), each pair once. */
  readonly collisions: string[] = [];

  constructor(fileHeaders: string[], specs: ColumnSpec[]) {
    // Every column of the format has its slot before the array is sized: a Column made later is of no format here.
    for (const spec of specs) column(spec.name);
    this.slots = new Int32Array(COLUMNS.size).fill(-1);
    const byKey = new Map<string, string>();
    for (const spec of specs) {
      for (const alias of [spec.name, ...(spec.aliases ?? [])]) byKey.set(headerKey(alias), spec.name);
    }
    const seen = new Map<string, string>();
    fileHeaders.forEach((header, index) => {
      const name = byKey.get(headerKey(header));
      // Known columns collide by meaning; others only when they are the same header.
      const identity = name ?? `\u0000${headerKey(header)}`;
      const first = header === '' ? undefined : seen.get(identity);
      if (first !== undefined) {
        const meaning = name === undefined ? '' : ` both mean '${name}'`;
        this.collisions.push(`columns '${first}' and '${header}'${meaning || ' are the same column'}`);
      } else if (header !== '') seen.set(identity, header);
      if (name === undefined || Object.hasOwn(this.positions, name)) {
        if (header !== '') this.ignored.push(header);
        return;
      }
      this.positions[name] = index;
      this.slots[column(name).slot] = index;
      this.headers.set(name, header);
    });
  }

  indexOf(name: string): number | undefined {
    return this.positions[name];
  }

  indexAt(column: Column): number | undefined {
    const index = column.slot < this.slots.length ? this.slots[column.slot]! : -1;
    return index < 0 ? undefined : index;
  }

  headerOf(name: string): string {
    return this.headers.get(name) ?? name;
  }
}

/** A published layout of one import kind: which columns it has and how a row becomes a record. */
export interface CsvFormat<R> {
  /** Short name shown in reports, e.g. 'NCTL directory export'. */
  name: string;
  columns: ColumnSpec[];
  /** Each inner list is satisfied by any one of its columns. */
  required: string[][];
  validate(row: Row, context: ValidateContext): Validated<R>;
  /** The record's identity within the file: a second row with the same key is an error. */
  key?(record: R): string | number;
  /** A date the file carries for its records (e.g. a list date), used as the as-at date when none is given. */
  date?(record: R): string | null;
}

/** The format whose required columns a header row satisfies, preferring the one that uses most columns. */
export function pickFormat<R>(headers: string[], formats: CsvFormat<R>[]): CsvFormat<R> | null {
  let best: { format: CsvFormat<R>; used: number } | null = null;
  for (const format of formats) {
    const map = new ColumnMap(headers, format.columns);
    if (!format.required.every((oneOf) => oneOf.some((name) => map.indexOf(name) !== undefined))) continue;
    const used = headers.length - map.ignored.length;
    if (!best || used > best.used) best = { format, used };
  }
  return best?.format ?? null;
}

/** The message for a header row no format accepts: what is missing, under which names. */
export function describeMissingColumns<R>(headers: string[], format: CsvFormat<R>): string {
  const map = new ColumnMap(headers, format.columns);
  const missing = format.required
    .filter((oneOf) => oneOf.every((name) => map.indexOf(name) === undefined))
    .map((oneOf) => {
      const names = oneOf.flatMap((name) => {
        const spec = format.columns.find((c) => c.name === name);
        return [name, ...(spec?.aliases ?? [])];
      });
      return `'${oneOf.join("' or '")}' (accepted headers: ${names.join(', ')})`;
    });
  return `missing column ${missing.join('; ')}`;
}
