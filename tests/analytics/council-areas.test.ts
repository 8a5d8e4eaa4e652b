import { afterAll, describe, expect, it } from 'vitest';
import { councilArea, councilAreas } from '../../server/analytics/council-areas.js';
import { NotFoundError } from '../../server/analytics/errors.js';
import { adjacency } from '../../server/analytics/neighbours.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
afterAll(() => db.close());

describe('councilAreas', () => {
  it('lists the 152 areas and filters by name ignoring case and accents', () => {
    expect(councilAreas(db, { network: 'teaching-schools' })).toHaveLength(152);
    expect(councilAreas(db, { network: 'teaching-schools', q: 'YORK' }).map((a) => a.name)).toEqual([
      'East Riding of Yorkshire',
      'North Yorkshire',
      'York',
    ]);
    expect(councilAreas(db, { network: 'teaching-schools', q: 'Sóuthwark' }).map((a) => a.la_code)).toEqual([
      '210',
    ]);
  });
});

describe('adjacency', () => {
  it('is symmetric and gives every mainland area a neighbour', () => {
    const map = adjacency(db);
    expect(map.size).toBe(152);
    for (const [code, list] of map) for (const other of list) expect(map.get(other)).toContain(code);
    const islands = [...map].filter(([, list]) => list.length === 0).map(([code]) => code);
    expect(islands.sort()).toEqual(['420', '921']);
  });
});

describe('councilArea', () => {
  it('profiles an area: members, groups, schools by phase, neighbours and history', () => {
    const leeds = councilArea(db, { network: 'teaching-schools', la_code: '383', radius_km: 15 });
    expect(leeds.name).toBe('Leeds');
    expect(leeds.members).toHaveLength(leeds.coverage.members);
    expect(leeds.groups!.reduce((n, g) => n + g.members_here, 0)).toBe(
      leeds.members.filter((m) => m.group_id).length,
    );
    expect(leeds.schools_by_phase.reduce((n, p) => n + p.schools, 0)).toBe(leeds.coverage.schools);
    expect(leeds.neighbours.map((n) => n.name)).toContain('Bradford');
    expect(leeds.history).toEqual([{ as_at: '2018-03-12', members: leeds.coverage.members }]);
  });

  it('gives an island its nearest areas, and 404s an unknown one', () => {
    const scilly = councilArea(db, { network: 'teaching-schools', la_code: '420', radius_km: 15 });
    expect(scilly.neighbours.map((n) => n.la_code)).toEqual(['908', expect.any(String), expect.any(String)]);
    expect(scilly.neighbours[0]!.adjacent).toBe(false);
    expect(() => councilArea(db, { network: 'teaching-schools', la_code: '000', radius_km: 15 })).toThrow(
      NotFoundError,
    );
  });
});
