// Accessible data tables (caption, scoped headers, aria-sort) and their CSV: one column list drives both, so a
// download always holds what the table shows.
import { csvText } from '../../common/csv.js';
import { h } from './dom.js';
import { focusAfterRender } from './focus.js';

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  /** The raw value: used for sorting and the CSV. */
  value: (row: T) => string | number | boolean | null | undefined;
  /** How the cell shows on the page; defaults to the value as text. */
  cell?: (row: T) => Node | string;
  sortable?: boolean;
}

/** The named columns in the given order (all when no keys); an unknown key throws naming it. */
export function pickColumns<T>(all: Column<T>[], keys?: string[]): Column<T>[] {
  if (!keys) return all;
  return keys.map((key) => {
    const column = all.find((c) => c.key === key);
    if (!column) throw new Error(`invalid column: ${JSON.stringify(key)}`);
    return column;
  });
}

export interface TableOptions<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  /** Column key to sort by, '-' prefix for descending. */
  sort?: string | null;
  onSort?: (sort: string) => void;
  testid?: string;
  /** Shown in place of the rows when there are none. */
  empty?: string;
  /** The id of the table's region, for a link to it (a skip link). */
  id?: string;
  /** Below tablet width, each row is shown as a card of label and value, so the page never scrolls sideways. */
  cards?: boolean;
}

export function compareValues(a: unknown, b: unknown): number {
  const missing = (v: unknown): boolean => v === null || v === undefined || v === '';
  if (missing(a) || missing(b)) return missing(a) === missing(b) ? 0 : missing(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-GB', { numeric: true, sensitivity: 'base' });
}

export function sortRows<T>(rows: T[], columns: Column<T>[], sort: string | null | undefined): T[] {
  if (!sort) return rows;
  const desc = sort.startsWith('-');
  const column = columns.find((c) => c.key === (desc ? sort.slice(1) : sort));
  if (!column) return rows;
  // Missing values stay last in either direction.
  return [...rows].sort((x, y) => {
    const a = column.value(x);
    const b = column.value(y);
    const absent = (v: unknown): boolean => v === null || v === undefined || v === '';
    if (absent(a) || absent(b)) return compareValues(a, b);
    return desc ? compareValues(b, a) : compareValues(a, b);
  });
}

function display(value: unknown): string {
  if (value === null || value === undefined) return 'no data';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function ariaSort(sortable: boolean, sorted: boolean, desc: boolean): string | null {
  if (!sortable) return null;
  return sorted ? (desc ? 'descending' : 'ascending') : 'none';
}

/** The header row: a sort button in each sortable column's header, its state in aria-sort. */
function headerRow<T>(options: TableOptions<T>): HTMLTableRowElement {
  const currentKey = options.sort?.replace(/^-/, '') ?? null;
  const desc = options.sort?.startsWith('-') ?? false;
  const row = h('tr', { class: 'govuk-table__row' });
  for (const c of options.columns) {
    const sorted = currentKey === c.key;
    const sortable = options.onSort !== undefined && c.sortable !== false;
    const th = h('th', {
      scope: 'col',
      'data-col': c.key,
      class: `govuk-table__header${c.numeric ? ' govuk-table__header--numeric' : ''}`,
      'aria-sort': ariaSort(sortable, sorted, desc),
    });
    if (sortable) {
      const button = h(
        'button',
        { type: 'button', class: 'app-table-sort', 'data-sort-key': c.key },
        c.label,
      );
      button.addEventListener('click', () => {
        // The view is drawn again for the new order: focus goes back to this button there.
        focusAfterRender(`[data-testid="${options.testid ?? ''}"] [data-sort-key="${c.key}"]`);
        options.onSort!(sorted && !desc ? `-${c.key}` : c.key);
      });
      th.append(button);
    } else th.textContent = c.label;
    row.append(th);
  }
  return row;
}

/** One row: its first cell heads the row; each cell carries its column's label (shown on cards). */
function bodyRow<T>(columns: Column<T>[], row: T): HTMLTableRowElement {
  const tr = h('tr', { class: 'govuk-table__row' });
  columns.forEach((c, i) => {
    const content = c.cell ? c.cell(row) : display(c.value(row));
    const part = i === 0 ? 'header' : 'cell';
    const cls = `govuk-table__${part}${c.numeric ? ` govuk-table__${part}--numeric` : ''}`;
    const attrs = { class: cls, 'data-label': c.label, 'data-col': c.key };
    tr.append(i === 0 ? h('th', { scope: 'row', ...attrs }, content) : h('td', attrs, content));
  });
  return tr;
}

export function dataTable<T>(options: TableOptions<T>): HTMLElement {
  const { columns } = options;
  const rows = sortRows(options.rows, columns, options.sort);
  const body = h('tbody', { class: 'govuk-table__body' });
  if (rows.length === 0) {
    const empty = h(
      'td',
      { class: 'govuk-table__cell', colspan: columns.length },
      options.empty ?? 'Nothing to show.',
    );
    body.append(h('tr', { class: 'govuk-table__row' }, empty));
  }
  for (const row of rows) body.append(bodyRow(columns, row));
  const table = h(
    'table',
    { class: 'govuk-table', 'data-testid': options.testid },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, options.caption),
    h('thead', { class: 'govuk-table__head' }, headerRow(options)),
    body,
  );
  // A focusable, labelled scroll region: a wide table scrolls sideways inside it, by keyboard too, never the page.
  const cls = `app-table-scroll${options.cards ? ' app-table-scroll--cards' : ''}`;
  return h(
    'div',
    { class: cls, role: 'region', 'aria-label': options.caption, tabindex: 0, id: options.id },
    table,
  );
}

/** The table's CSV: a header row of the column labels (the table's own headings), then the rows' raw values. */
export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  return csvText(
    columns.map((c) => c.label),
    rows.map((row) => columns.map((c) => c.value(row))),
  );
}
