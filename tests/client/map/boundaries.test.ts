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
      "the council-area boundaries have no object 'eng_ctyua16' (found: other)",
    );
  });
});
