import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../server/db/open.js';
import { areasOnDate } from '../../server/importer/area-context.js';

// What a hub importer calls to resolve a name to the council areas in force on its list's date.
const db = openDatabase(inject('shippedDb'), { readonly: true });
afterAll(() => db.close());
const areas = areasOnDate(db);
const codes = (name: string, day: string) => {
  const found = areas.match(name, day);
  return found.ok ? found.la_codes : found.message;
};

describe('areasOnDate: a name to the council areas in force on a date', () => {
  it.each([
    ['Cumberland', '2025-09-30', ['942']],
    ['Westmorland and Furness', '2025-09-30', ['943']],
    ['Cumbria', '2018-03-12', ['909']],
    ['Cumbria', '2025-09-30', ['942', '943']],
    ['Allerdale', '2025-09-30', ['942']],
    ['Allerdale', '2018-03-12', ['909']],
    ['Barrow-in-Furness', '2024-10-16', ['943']],
    ['Dorset', '2018-03-12', ['835']],
    ['Dorset', '2025-09-30', ['838']],
    ['Bournemouth', '2021-09-01', ['839']],
    ['Christchurch and Poole', '2024-10-16', ['839']],
    ['Bournemouth, Christchurch and Poole', '2023-10-03', ['839']],
    ['Corby', '2021-09-01', ['940']],
    ['Daventry', '2021-09-01', ['941']],
    ['West Northamptonshire', '2024-08-14', ['941']],
    ['Northamptonshire', '2021-09-01', ['940', '941']],
    ['North Yorkshire East', '2024-10-16', ['815']],
    ['Leeds', '2025-09-30', ['383']],
    ['909', '2025-09-30', ['942', '943']],
    ['942', '2025-09-30', ['942']],
  ])('%s on %s', (name, day, expected) => {
    expect(codes(name, day)).toEqual(expected);
  });

  it('names a value that is no area, as the 2011-2018 matcher does', () => {
    expect(codes('Narnia', '2025-09-30')).toBe("'Narnia' is not a known council area");
  });
});
