// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { dataTable, pickColumns, sortRows, toCsv, type Column } from '../../client/src/table.js';

interface Row {
  name: string;
  members: number | null;
}
const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', value: (r) => r.name },
  { key: 'members', label: 'Members', numeric: true, value: (r) => r.members },
];
const rows: Row[] = [
  { name: 'Camden', members: 2 },
  { name: '<img src=x onerror=alert(1)>', members: null },
  { name: 'Hackney, "East"', members: 7 },
];

describe('CSV', () => {
  it('is RFC 4180 with CRLF and quoted fields', () => {
    expect(toCsv(columns, rows)).toBe(
      'Name,Members\r\nCamden,2\r\n<img src=x onerror=alert(1)>,\r\n"Hackney, ""East""",7\r\n',
    );
  });
});

describe('dataTable', () => {
  it('shows names from data as text, never as HTML', () => {
    const el = dataTable({ caption: 'Members', columns, rows });
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(el.textContent).toContain('no data');
  });

  it('has a caption, scoped headers and marks the sorted column', () => {
    const el = dataTable({ caption: 'Members', columns, rows, sort: '-members', onSort: () => undefined });
    expect(el.querySelector('caption')?.textContent).toBe('Members');
    expect(el.querySelectorAll('th[scope="col"]')).toHaveLength(2);
    expect(el.querySelector('th[aria-sort="descending"]')?.textContent).toBe('Members');
    const first = [...el.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent);
    expect(first).toEqual(['Hackney, "East"', 'Camden', '<img src=x onerror=alert(1)>']);
  });

  it('sorts with missing values last either way', () => {
    expect(sortRows(rows, columns, 'members').map((r) => r.members)).toEqual([2, 7, null]);
    expect(sortRows(rows, columns, '-members').map((r) => r.members)).toEqual([7, 2, null]);
    expect(sortRows(rows, columns, 'unknown')).toBe(rows);
  });
});

describe('pickColumns', () => {
  it('picks in the given order and names an unknown key', () => {
    expect(pickColumns(columns, ['members', 'name']).map((c) => c.key)).toEqual(['members', 'name']);
    expect(() => pickColumns(columns, ['nope'])).toThrow('invalid column: "nope"');
  });
});
