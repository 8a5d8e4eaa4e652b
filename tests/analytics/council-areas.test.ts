import { afterAll, describe, expect, it } from 'vitest';
import { councilArea, councilAreas } from '../../server/analytics/council-areas.js';
import { NotFoundError } from '../../server/analytics/errors.js';
import { adjacency } from '../../server/analytics/neighbours.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
afterAll(() => db.close());

describe('councilAreas', () => {
  it('lists the 152 areas and filters by name ignoring case and accents', () => {
    expect(councilAreas(db, { network: 'teaching-schools' }).rows).toHaveLength(152);
    expect(councilAreas(db, { network: 'teaching-schools', q: 'YORK' }).rows.map((a) => a.name)).toEqual([
      'East Riding of Yorkshire',
      'North Yorkshire',
      'York',
    ]);
    expect(
      councilAreas(db, { network: 'teaching-schools', q: 'Sóuthwark' }).rows.map((a) => a.la_code),
    ).toEqual(['210']);
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

describe('council areas of each date', () => {
  it('lists the areas in force on the day asked', () => {
    const names = (network: 'hubs' | 'teaching-schools', as_at: string) =>
      councilAreas(db, { network, as_at, q: 'cum' }).rows.map((a) => a.name);
    expect(names('teaching-schools', '2018-03-12')).toEqual(['Cumbria']);
    expect(names('hubs', '2025-10-01')).toEqual(['Cumberland']);
    expect(councilAreas(db, { network: 'hubs', as_at: '2025-10-01' }).rows).toHaveLength(153);
  });

  it('profiles Cumberland in 2025 with the hub serving it, and says it replaced Cumbria', () => {
    const cumberland = councilArea(db, {
      network: 'hubs',
      as_at: '2025-10-01',
      la_code: '942',
      radius_km: 15,
    });
    expect(cumberland).toMatchObject({
      name: 'Cumberland',
      in_force: true,
      areas_as_at: '2025-10-01',
      lifetime_note: null,
      lifetime: {
        valid_from: '2023-04-01',
        valid_to: null,
        predecessors: [{ la_code: '909', name: 'Cumbria' }],
      },
    });
    expect(cumberland.members.map((m) => m.name)).toEqual(['One Cumbria Teaching School Hub']);
    // Counted from the GIAS register of June 2024, the extract nearer 2025 (197 in the 2018 extract).
    expect(cumberland.coverage.schools).toBe(179);
    expect(cumberland.establishments_extract?.name).toBe('GIAS register of 17 June 2024');
    expect(cumberland.neighbours.map((n) => n.la_code)).toEqual(['929', '943']);
  });

  it('profiles Cumbria after it ended: when, and which areas replaced it', () => {
    const cumbria = councilArea(db, { network: 'hubs', as_at: '2025-10-01', la_code: '909', radius_km: 15 });
    expect(cumbria.in_force).toBe(false);
    expect(cumbria.areas_as_at).toBe('2023-03-31');
    // Ranked among the 152 areas of its last day, not the 153 of the day asked.
    expect(cumbria.areas_ranked).toBe(152);
    expect(cumbria.rank_by_need).toBeLessThanOrEqual(152);
    expect(cumbria.lifetime.successors.map((s) => s.la_code)).toEqual(['942', '943']);
    expect(cumbria.lifetime_note).toBe(
      'Cumbria ended on 31 March 2023, before 1 October 2025: replaced by Cumberland (942) and Westmorland and ' +
        'Furness (943). Its figures are those of the list in force on 1 October 2025 among the areas of its last day.',
    );
    // Its last day is nearer the register: Cumberland's 179 and Westmorland and Furness's 164 (371 in 2018).
    expect(cumbria.coverage.schools).toBe(343);
    // Teaching schools of 2018 asked about 2018 sit in Cumbria.
    const ts = councilArea(db, {
      network: 'teaching-schools',
      as_at: '2018-03-12',
      la_code: '909',
      radius_km: 15,
    });
    expect(ts).toMatchObject({ in_force: true, lifetime_note: null });
    expect(ts.members).toHaveLength(8);
  });
});
