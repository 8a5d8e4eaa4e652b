import { describe, expect, it } from 'vitest';
import { ColumnMap, Row, column } from '../../server/importer/format.js';

const specs = [{ name: 'urn' }, { name: 'la_code', aliases: ['LA (code)'] }, { name: 'phase' }];

describe('a Column finds the same cell as its name', () => {
  it('for columns the file has, under an alias, absent, or beyond a short row', () => {
    const map = new ColumnMap(['LA (code)', ' urn', 'other'], specs);
    const row = new Row(2, [' 835 ', '100000'], map);
    for (const name of ['urn', 'la_code', 'phase']) {
      expect(row.get(column(name))).toBe(row.get(name));
      expect(row.text(column(name))).toBe(row.text(name));
      expect(row.has(column(name))).toBe(row.has(name));
      expect(row.header(column(name))).toBe(row.header(name));
    }
    expect(row.get(column('la_code'))).toBe('835');
    expect(row.header(column('la_code'))).toBe('LA (code)');
    expect(row.get(column('phase'))).toBe('');
    expect(new Row(3, ['202'], map).get(column('urn'))).toBe('');
  });

  it('a Column made after the file was read is not one of its columns', () => {
    const map = new ColumnMap(['urn'], specs);
    expect(new Row(2, ['100000'], map).get(column('made_later'))).toBe('');
  });
});
