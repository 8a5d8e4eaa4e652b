import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixQuery, search } from '../../server/analytics/search.js';
import { snapshotDiff } from '../../server/analytics/snapshots.js';
import { FIXTURES, importPath, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

// Small lists imported into a fresh registry: what the shipped data cannot show (changes between lists, accents).

let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
  loadCouncilAreas(t.db);
  // Each list replaces the last outright: confirmed, as an admin would.
  const list = (name: string, asAt: string) =>
    importPath(t.db, 'teaching-schools', join(FIXTURES, 'networks', name), {
      asAt,
      confirm: ['removes-most'],
    });
  list('teaching-schools-2014.csv', '2014-05-26');
  list('teaching-schools-2015.csv', '2015-05-01');
  list('teaching-schools-accents.csv', '2016-01-01');
});
afterAll(() => t.cleanup());

describe('snapshotDiff', () => {
  it('lists joiners, leavers, group moves and coverage changes between two lists', () => {
    const diff = snapshotDiff(t.db, { network: 'teaching-schools', from: '2014-12-31', to: '2015-05-01' });
    expect(diff.from.snapshot_as_at).toBe('2014-05-26');
    expect(diff.joiners.map((m) => m.name)).toEqual(['Delta School']);
    expect(diff.leavers.map((m) => m.name)).toEqual(['Alpha Primary School']);
    expect(diff.group_moves).toEqual([
      { member_key: '100002', name: 'Gamma School', from_group: 'South Alliance', to_group: 'East Alliance' },
    ]);
    expect(diff.area_changes).toEqual([
      { la_code: '202', name: 'Camden', from_members: 2, to_members: 1, change: -1, coverage: null },
      {
        la_code: '921',
        name: 'Isle of Wight',
        from_members: 0,
        to_members: 1,
        change: 1,
        coverage: 'gained',
      },
    ]);
    expect(diff.council_areas_covered).toEqual({ from: 2, to: 3 });
  });
});

describe('search', () => {
  it('turns words into prefix terms', () => {
    expect(prefixQuery('St. Thom')).toBe('("st"* OR "saint") AND "Thom"*');
    expect(prefixQuery('Saint Mary\u2019s')).toBe('("saint"* OR "st") AND "Marys"*');
    expect(prefixQuery('"; DROP')).toBe('"DROP"*');
    expect(prefixQuery('isle wig')).toBe('"isle"* AND "wig"*');
    expect(prefixQuery('*')).toBeNull();
  });

  it('ignores accents and case both ways', () => {
    const names = (q: string) => search(t.db, { q, limit: 10 }).rows.map((r) => r.name);
    expect(names('ecole francaise')).toEqual(['École Française Jacques Prévert']);
    expect(names('PRÉV')).toEqual(['École Française Jacques Prévert']);
    expect(names('reseau')).toEqual(['Réseau Alliance']);
    expect(names('a becket')).toEqual(['St Thomas à Becket Primary']);
  });

  it('finds members under their latest name only once, and the index follows new imports', () => {
    expect(search(t.db, { q: 'beta', limit: 10 }).rows).toHaveLength(1);
    expect(search(t.db, { q: 'omega', limit: 10 }).rows).toHaveLength(0);
    const t2 = tempDatabase();
    try {
      loadCouncilAreas(t2.db);
      expect(search(t2.db, { q: 'gamma', limit: 10 }).rows).toHaveLength(0);
      importPath(t2.db, 'teaching-schools', join(FIXTURES, 'networks', 'teaching-schools-2014.csv'), {
        asAt: '2014-05-26',
      });
      expect(search(t2.db, { q: 'gamma', limit: 10 }).rows.map((r) => r.kind)).toEqual(['member']);
    } finally {
      t2.cleanup();
    }
  });
});
