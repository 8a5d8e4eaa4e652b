import { readFileSync } from 'node:fs';
import type { MultiPolygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { regionNames, toBoundaries } from '../../../client/src/map/boundaries.js';

// The shipped boundaries, as the API serves them.
const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../data/council-areas/${name}`, import.meta.url), 'utf8'));

describe('toBoundaries', () => {
  const boundaries = toBoundaries(read('eng_ctyua16_152_education_las.topojson'));

  it('gives the 152 council areas with their la_code and the region outlines', () => {
    expect(boundaries.areas.features).toHaveLength(152);
    const codes = new Set(boundaries.areas.features.map((f) => f.properties.la_code));
    expect(codes.size).toBe(152);
    expect(codes).toContain('201');
    expect(boundaries.regions?.type).toBe('MultiLineString');
    expect(regionNames(boundaries)).toHaveLength(9);
  });

  it('draws the region borders and the coast from the areas in force, without the regions file', () => {
    const dated = read('eng_council_areas_2011-2026.topojson') as Topology;
    const lines = toBoundaries(dated, '2025-10-01').regions!.coordinates;
    // London's outline is drawn; the border between Camden (202) and Westminster (213), both London, is not.
    const points = (code: string) => {
      const area = toBoundaries(dated, '2025-10-01').areas.features.find(
        (f) => f.properties.la_code === code,
      )!;
      return new Set((area.geometry as MultiPolygon).coordinates.flat(2).map((p) => p.join(',')));
    };
    const camden = points('202');
    const westminster = points('213');
    const shared = [...camden].filter((p) => westminster.has(p));
    expect(shared.length).toBeGreaterThan(2);
    const drawn = new Set(lines.flat().map((p) => p.join(',')));
    expect(shared.filter((p) => drawn.has(p)).length).toBeLessThanOrEqual(2);
    // Kent (886) borders the sea and London (Bexley, Bromley): both are drawn.
    expect([...points('886')].filter((p) => drawn.has(p)).length).toBeGreaterThan(100);
    // Without region codes, no outlines (the regions file is no longer asked for).
    const bare = structuredClone(dated);
    const object = bare.objects.council_areas as GeometryCollection;
    for (const g of object.geometries) delete (g.properties as Record<string, unknown>).region_code;
    expect(toBoundaries(bare, '2025-10-01').regions).toBeNull();
  });

  it('names what is wrong with a bad answer', () => {
    expect(() => toBoundaries({ error: 'x' })).toThrow('the council-area boundaries are not TopoJSON');
    expect(() => toBoundaries({ type: 'Topology', objects: { other: {} }, arcs: [] })).toThrow(
      "the council-area boundaries have no object 'council_areas' or 'eng_ctyua16' (found: other)",
    );
  });

  it('draws, on a day, the council areas in force on it', () => {
    const dated = read('eng_council_areas_2011-2026.topojson');
    const on = (day: string) => toBoundaries(dated, day).areas.features.map((f) => f.properties.la_code);
    expect(toBoundaries(dated).areas.features).toHaveLength(158);
    expect(on('2018-03-12')).toHaveLength(152);
    expect(on('2018-03-12')).toContain('909');
    expect(on('2020-01-01')).toHaveLength(151);
    expect(on('2021-08-31')).toHaveLength(152);
    expect(on('2025-10-01')).toHaveLength(153);
    expect(on('2025-10-01')).toEqual(expect.arrayContaining(['942', '943']));
    expect(on('2025-10-01')).not.toContain('909');
  });
});
