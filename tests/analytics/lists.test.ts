import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, describe, expect, it } from 'vitest';
import { ParameterError } from '../../server/analytics/errors.js';
import { groups } from '../../server/analytics/groups.js';
import { members } from '../../server/analytics/members.js';
import { networks } from '../../server/analytics/networks.js';
import { boundaries, imports, sources } from '../../server/analytics/provenance.js';
import { snapshots } from '../../server/analytics/snapshots.js';
import { HUB_LIST_DATES } from '../helpers/db.js';
import { shippedDb } from './helpers.js';

const db = shippedDb();
afterAll(() => db.close());
const base = { network: 'teaching-schools' as const, limit: 1000, offset: 0 };

describe('members', () => {
  it('pages through all 808 without repeats', () => {
    const seen = new Set<string>();
    for (let offset = 0; offset < 808; offset += 300) {
      for (const m of members(db, { ...base, limit: 300, offset }).rows) seen.add(m.member_key);
    }
    expect(seen.size).toBe(808);
  });

  it('filters by phase and name, and takes % and _ in the name literally', () => {
    const secondary = members(db, { ...base, phase: 'secondary' });
    expect(secondary.total).toBe(311);
    expect(members(db, { ...base, q: '%' }).total).toBe(0);
    expect(members(db, { ...base, q: 'Academy' }).rows.every((m) => m.name.includes('Academy'))).toBe(true);
  });

  it('checks an area and a group', () => {
    expect(() => members(db, { ...base, la: '999' })).toThrow(ParameterError);
    const first = members(db, { ...base, limit: 1 }).rows[0]!;
    const byName = members(db, { ...base, group: first.group_name!.toUpperCase() });
    expect(byName.rows.map((m) => m.member_key)).toContain(first.member_key);
  });
});

describe('groups', () => {
  it('counts the 640 alliances and their 808 members', () => {
    const all = groups(db, base);
    expect(all.total).toBe(640);
    expect(all.rows!.reduce((n, g) => n + g.members, 0)).toBe(808);
  });

  it('finds groups by a member\u2019s area, counting all their members', () => {
    const camden = groups(db, { ...base, la: '202' });
    expect(camden.total).toBeGreaterThan(0);
    expect(camden.rows!.every((g) => g.la_codes.includes('202'))).toBe(true);
  });

  it('gives null groups, with the reason, for a network without them', () => {
    expect(groups(db, { ...base, network: 'hubs' })).toMatchObject({
      rows: null,
      total: null,
      groups_note: 'Teaching school hubs are not grouped: each hub serves its own area.',
    });
  });
});

describe('networks, snapshots, imports, sources, boundaries', () => {
  it('describes each network with its lists', () => {
    const [ts, nles, hubs] = networks(db);
    expect(ts).toMatchObject({ snapshot_dates: ['2018-03-12'], latest: { members: 808, groups: 640 } });
    expect(nles).toMatchObject({ group_label: null, latest: null });
    expect(hubs!.latest).toMatchObject({ as_at: '2025-09-30', members: 87, groups: null });
    expect(networks(db, { as_at: '2018-01-01' })[0]!.latest).toBeNull();
  });

  it('lists snapshots, imports and sources', () => {
    // Counted among the areas of each list's own day: 153 from April 2023 (Cumberland, Westmorland and Furness), of
    // which West Northamptonshire is in no hub's areas on the two lists of 2023.
    expect(snapshots(db, { network: 'hubs' })).toEqual(
      HUB_LIST_DATES.map((as_at) =>
        expect.objectContaining({
          as_at,
          members: 87,
          council_areas_covered: as_at < '2024-01-01' ? 152 : 153,
        }),
      ),
    );
    expect(imports(db, { kind: 'boundaries', limit: 10, offset: 0 }).total).toBe(2);
    const s = sources(db);
    expect(s.files.map((f) => f.file_name)).toContain('milestones/programme_milestones_2011-2021.csv');
    expect(s.publications.reduce((n, p) => n + p.figures + p.targets, 0)).toBe(40);
    expect(s.publications.every((p) => p.publisher !== null)).toBe(true);
    expect(s.definitions.map((d) => d.term)).toEqual(expect.arrayContaining(['establishment', 'school']));
  });

  it('returns the boundaries as stored', () => {
    expect(JSON.parse(boundaries(db, { level: 'regions' }).topojson).type).toBe('Topology');
  });

  it('quantizes the boundaries for drawing: the same areas, within 10 m, in fewer bytes', () => {
    // Gzipped, as sent: the council areas (raw coordinates) 154 KB -> 44 KB; regions (quantized finer) 59 -> 45.
    const gzipped = (text: string) => gzipSync(text, { level: 4 }).length;
    for (const [level, ratio] of [
      ['council-areas', 0.3],
      ['regions', 0.8],
    ] as const) {
      const stored = boundaries(db, { level }).topojson;
      const drawn = boundaries(db, { level, detail: 'map' }).topojson;
      expect(gzipped(drawn)).toBeLessThan(gzipped(stored) * ratio);
      const before = JSON.parse(stored) as Topology;
      const after = JSON.parse(drawn) as Topology;
      expect(after.transform).toBeDefined();
      const name = Object.keys(before.objects)[0]!;
      const was = before.objects[name] as GeometryCollection;
      const now = after.objects[name] as GeometryCollection;
      expect(now.geometries.map((g) => [g.id, g.properties])).toEqual(
        was.geometries.map((g) => [g.id, g.properties]),
      );
      // Every area's first ring starts where it did, to within 10 m (1e-4 degrees is 11 m north-south).
      const first = (t: Topology) =>
        feature(t, t.objects[name]!) as FeatureCollection<Polygon | MultiPolygon>;
      const a = first(before).features;
      const b = first(after).features;
      a.forEach((f, i) => {
        const start = (g: Polygon | MultiPolygon) =>
          g.type === 'Polygon' ? g.coordinates[0]![0]! : g.coordinates[0]![0]![0]!;
        const [x0, y0] = start(f.geometry);
        const [x1, y1] = start(b[i]!.geometry);
        expect(Math.abs(x1! - x0!) * Math.cos((y0! * Math.PI) / 180)).toBeLessThan(1e-4);
        expect(Math.abs(y1! - y0!)).toBeLessThan(1e-4);
      });
    }
  });
});
