import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { gaps } from '../../server/analytics/gaps.js';
import { databaseCopy, FIXTURES, importPath } from '../helpers/db.js';
import { shippedDb } from './helpers.js';

// The gap finder for hubs lists the establishments no hub serves: every one of an area no hub serves, and those
// of the part of an area no hub names where the data says which (the part is made of whole later areas). Real
// data, and two made-up lists of 2022 (the shipped 2025 list with Cumbria's hub narrowed), when Cumbria was one
// area and the areas that replaced it in April 2023 say where each of its establishments lies.

const db = shippedDb();
afterAll(() => db.close());

const gapOf = (d: typeof db, as_at: string, la: string, phase?: string) =>
  gaps(d, { network: 'hubs', as_at, radius_km: 10, phase }).rows.find((r) => r.la_code === la)!;

describe('the establishments no hub serves, on the shipped lists', () => {
  it('lists every establishment of an area no hub serves, by name', () => {
    const west = gapOf(db, '2023-11-01', '941');
    expect(west.covered).toBe(false);
    expect(west.unserved!.part).toBeNull();
    expect(west.unserved!.note).toBeNull();
    const listed = west.unserved!.establishments!;
    expect(listed).toHaveLength(west.schools);
    expect(west.schools).toBe(209); // open in the register of June 2024, the extract nearer the day
    expect(new Set(listed.map((e) => e.urn)).size).toBe(209);
    expect(listed.every((e) => e.la_code === '941')).toBe(true);
    // Listed from the June 2024 register, the extract nearer the day: every one by its registered name.
    expect(listed.every((e) => e.name !== null)).toBe(true);
    expect(listed[0]).toMatchObject({ urn: 140190, name: 'Abbey CofE Academy', phase: 'Primary' });
  });

  it('narrows the list by phase, as the count is', () => {
    const secondary = gapOf(db, '2023-11-01', '941', 'Secondary');
    expect(secondary.unserved!.establishments).toHaveLength(secondary.schools);
    expect(secondary.unserved!.establishments!.every((e) => e.phase === 'Secondary')).toBe(true);
  });

  it('lists nothing for an area served whole, Durham among them (named by itself, not by a district)', () => {
    const durham = gapOf(db, '2025-10-01', '840');
    expect(durham.unserved).toBeNull();
    expect(durham.reason).toBe(
      'served by NE4 NELT Teaching School Hub (County Durham): its 282 establishments are served',
    );
    expect(gapOf(db, '2025-10-01', '884').reason).toMatch(/^served by WM1 /);
    // Teaching schools are measured by distance instead.
    const ts = gaps(db, { network: 'teaching-schools', as_at: '2018-03-12', radius_km: 10 }).rows;
    expect(ts.every((r) => r.unserved === null)).toBe(true);
  });

  it('says it cannot tell which establishments a part the list does not define leaves', () => {
    const suffolk = gapOf(db, '2025-10-01', '935');
    expect(suffolk.covered).toBe(true);
    expect(suffolk.unserved).toEqual({
      part: 'Suffolk Coastal and Waveney',
      establishments: null,
      note:
        'East Suffolk North and East Suffolk South are parts the list does not define, which may cover any of ' +
        'Suffolk Coastal and Waveney, so which establishments no hub serves cannot be said',
    });
  });
});

describe('the unserved part of an area split since', () => {
  const copy = databaseCopy(inject('shippedDb'));
  afterAll(() => copy.cleanup());
  beforeAll(() => {
    for (const [file, asAt] of [
      ['hubs-2022-cumbria-west-only.csv', '2022-06-01'],
      ['hubs-2022-cumbria-but-eden.csv', '2022-09-01'],
    ] as const) {
      importPath(copy.db, 'hubs', join(FIXTURES, 'networks', file), { asAt });
    }
  });

  it('lists the establishments of the part that became Westmorland and Furness', () => {
    const cumbria = gapOf(copy.db, '2022-07-01', '909');
    expect(cumbria.covered).toBe(true);
    expect(cumbria.reason).toMatch(
      /no hub names Barrow-in-Furness, Eden and South Lakeland; \d+ of its 343 establishments lie in the part no hub names and are unserved$/,
    );
    expect(cumbria.unserved).toMatchObject({
      part: 'Barrow-in-Furness, Eden and South Lakeland',
      note: null,
    });
    // The same establishments as Westmorland and Furness counts once it is in force (April 2023).
    const westmorland = gapOf(db, '2023-11-01', '943');
    const listed = cumbria.unserved!.establishments!;
    expect(listed).toHaveLength(westmorland.schools);
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.length).toBeLessThan(cumbria.schools);
    expect(listed.every((e) => e.la_code === '943')).toBe(true);
  });

  it('says which part it cannot place establishments in: a district no later area is made of', () => {
    const cumbria = gapOf(copy.db, '2022-10-01', '909');
    expect(cumbria.reason).toMatch(/no hub names Eden; the list cannot say which of its 343 establishments/);
    expect(cumbria.unserved).toEqual({
      part: 'Eden',
      establishments: null,
      note: 'establishments are placed no finer than council areas, so which lie in Eden cannot be said',
    });
  });
});
