// Search that forgives, on the shipped data: misspelt places are found, a place comes before the groups named
// after it, and a hub on two lists is one result.
import { afterAll, describe, expect, it } from 'vitest';
import { search } from '../../server/analytics/search.js';
import { editDistance, nameDistance, nearNames } from '../../server/analytics/near-names.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
afterAll(() => db.close());

const names = (q: string) => search(db, { q, limit: 20 }).rows.map((r) => `${r.kind}: ${r.name}`);

describe('search', () => {
  it.each([
    ['Middlesborough', 'Middlesbrough'],
    ['Birmigham', 'Birmingham'],
    ['Glouchestershire', 'Gloucestershire'],
  ])('finds %s as the council area %s, saying the match is near', (q, place) => {
    const answer = search(db, { q, limit: 20 });
    expect(answer.near).toBe(true);
    expect(answer.rows[0]).toMatchObject({ kind: 'council-area', name: place });
  });

  it('finds nothing near words like no place, and says neither', () => {
    expect(search(db, { q: 'qqqzzz', limit: 20 })).toMatchObject({ rows: [], total: 0, near: false });
  });

  it('puts Hull the council area before the alliance named after it', () => {
    expect(names('Hull')[0]).toBe('council-area: Kingston upon Hull, City of');
    expect(search(db, { q: 'Hull', limit: 20 }).near).toBe(false);
  });

  it('finds the areas in force today when no date is asked, and an ended area only with its date', () => {
    const areas = (params: { as_at?: string; today?: string }) =>
      search(db, { q: 'Cumb', limit: 20, kind: 'council-area', ...params }).rows.map((r) => r.name);
    // Cumbria ended on 31 March 2023; Cumberland began the next day.
    expect(areas({ today: '2026-12-07' })).toEqual(['Cumberland']);
    expect(areas({ as_at: '2020-01-01', today: '2026-12-07' })).toEqual(['Cumbria']);
    const dorset = (params: { as_at?: string; today?: string }) =>
      search(db, { q: 'Dorset', limit: 20, kind: 'council-area', ...params }).rows.map((r) => r.key);
    expect(dorset({ today: '2026-12-07' })).toEqual(['838']);
    expect(dorset({ as_at: '2018-03-12', today: '2026-12-07' })).toEqual(['835']);
    // A misspelling is offered only among the areas of the day.
    const near = search(db, { q: 'Cumbira', limit: 20, today: '2026-12-07' });
    expect(near.rows.map((r) => r.name)).not.toContain('Cumbria');
  });

  it('finds establishments by their names in the June 2024 register, in their council area of 2024', () => {
    const hits = search(db, { q: 'Abbey CofE Academy', limit: 20, kind: 'establishment' }).rows;
    expect(hits[0]).toMatchObject({
      kind: 'establishment',
      key: '140190',
      name: 'Abbey CofE Academy',
      la_code: '941',
      la_name: 'West Northamptonshire',
    });
    // A teaching school is found once, as the member it is, not again as an establishment of the same name.
    const stMarys = search(db, { q: "St Mary's Catholic Primary School", limit: 100 }).rows;
    const member = stMarys.find((r) => r.kind === 'member')!;
    expect(
      stMarys.filter(
        (r) => r.kind === 'establishment' && r.name === member.name && r.la_code === member.la_code,
      ),
    ).toEqual([]);
  });

  it('lists The Julian Teaching School Hub once', () => {
    expect(names('Julian').filter((n) => n === 'member: The Julian Teaching School Hub')).toHaveLength(1);
  });
});

describe('near names', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('brimingham', 'birmingham')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it('measures against the run of words as long as the query', () => {
    expect(nameDistance('hul', 'Kingston upon Hull, City of')).toBe(1);
    expect(nameDistance('Sothend', 'Southend-on-Sea')).toBe(1);
  });

  it('allows one edit in five letters, nearest first', () => {
    const areas = [{ name: 'Bristol, City of' }, { name: 'Bromley' }, { name: 'Brent' }];
    expect(nearNames('Bristl', areas, 5).map((a) => a.name)).toEqual(['Bristol, City of']);
    expect(nearNames('Bromly', areas, 5).map((a) => a.name)).toEqual(['Bromley']);
  });
});
