import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regionNames, toBoundaries } from '../../../client/src/map/boundaries.js';

// The shipped boundaries, as the API serves them.
const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../data/council-areas/${name}`, import.meta.url), 'utf8'));

describe('toBoundaries', () => {
  const boundaries = toBoundaries(
    read('eng_ctyua16_152_education_las.topojson'),
    read('ons_rgn16_eng_gen20m_wgs84.topojson'),
  );

  it('gives the 152 council areas with their la_code and the region outlines', () => {
    expect(boundaries.areas.features).toHaveLength(152);
    const codes = new Set(boundaries.areas.features.map((f) => f.properties.la_code));
    expect(codes.size).toBe(152);
    expect(codes).toContain('201');
    expect(boundaries.regions?.type).toBe('MultiLineString');
    expect(regionNames(boundaries)).toHaveLength(9);
  });

  it('names what is wrong with a bad answer', () => {
    expect(() => toBoundaries({ error: 'x' }, null)).toThrow('the council-area boundaries are not TopoJSON');
    expect(() => toBoundaries({ type: 'Topology', objects: { other: {} }, arcs: [] }, null)).toThrow(
      "the council-area boundaries have no object 'council_areas' or 'eng_ctyua16' (found: other)",
    );
  });

  it('draws, on a day, the council areas in force on it', () => {
    const dated = read('eng_council_areas_2011-2026.topojson');
    const on = (day: string) =>
      toBoundaries(dated, null, day).areas.features.map((f) => f.properties.la_code);
    expect(toBoundaries(dated, null).areas.features).toHaveLength(158);
    expect(on('2018-03-12')).toHaveLength(152);
    expect(on('2018-03-12')).toContain('909');
    expect(on('2020-01-01')).toHaveLength(151);
    expect(on('2021-08-31')).toHaveLength(152);
    expect(on('2025-10-01')).toHaveLength(153);
    expect(on('2025-10-01')).toEqual(expect.arrayContaining(['942', '943']));
    expect(on('2025-10-01')).not.toContain('909');
  });
});
