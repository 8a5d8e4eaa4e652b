// @vitest-environment jsdom
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CoverageRow } from '../../../client/src/api.js';
import { choroplethSvg, type AreaProperties } from '../../../client/src/map/choropleth-svg.js';
import { colourScale } from '../../../client/src/map/scale.js';
import { normaliseSvg } from '../normalise.js';

// Three square "areas" side by side near London; clockwise rings as d3-geo expects.
function square(
  la_code: string,
  name: string,
  lon: number,
): FeatureCollection<Geometry, AreaProperties>['features'][number] {
  return {
    type: 'Feature',
    properties: { la_code, name },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon, 51],
          [lon, 51.2],
          [lon + 0.2, 51.2],
          [lon + 0.2, 51],
          [lon, 51],
        ],
      ],
    },
  };
}

const areas: FeatureCollection<Geometry, AreaProperties> = {
  type: 'FeatureCollection',
  features: [
    square('201', 'City of London', -0.4),
    square('202', 'Camden', -0.2),
    square('203', 'Greenwich', 0),
  ],
};

function row(la_code: string, name: string, members: number | null): CoverageRow {
  return {
    la_code,
    name,
    region: 'London',
    members,
    groups: null,
    schools: 10,
    pupils: null,
    members_per_100_schools: members === null ? null : members * 10,
    covered: members === null ? null : members > 0,
    schools_beyond_km: 0,
  };
}

const words = { member: 'teaching school', members: 'teaching schools', radiusKm: 15 };

describe('choroplethSvg', () => {
  it('members per area with zero and no data drawn differently', async () => {
    const rows = [row('201', 'City of London', 0), row('202', 'Camden', 4), row('203', 'Greenwich', null)];
    const scale = colourScale(rows, 'members', words);
    const svg = choroplethSvg({
      title: 'Teaching schools per council area, 12 March 2018',
      description: '1 of 3 council areas has no teaching school.',
      areas,
      values: new Map(rows.map((r) => [r.la_code, r.members])),
      scale,
      width: 300,
      height: 120,
    });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../__snapshots__/choropleth-members.svg');
    const fills = [...svg.querySelectorAll('path[data-la-code]')].map((p) => p.getAttribute('fill'));
    expect(fills[0]).not.toBe(fills[2]);
    expect(fills[2]).toBe('url(#app-no-data)');
    expect(svg.querySelector('pattern#app-no-data')).not.toBeNull();
  });

  it('a locator map focused on one area', async () => {
    const rows = [row('201', 'City of London', 0), row('202', 'Camden', 4), row('203', 'Greenwich', 2)];
    const svg = choroplethSvg({
      title: 'Camden and its neighbours',
      description: 'Camden outlined.',
      areas,
      values: new Map(rows.map((r) => [r.la_code, r.covered ? 1 : 0])),
      scale: colourScale(rows, 'covered', words),
      focus: '202',
      legend: false,
      width: 200,
      height: 200,
    });
    await expect(normaliseSvg(svg)).toMatchFileSnapshot('../__snapshots__/choropleth-focus.svg');
  });

  it('names an unknown focus area', () => {
    const rows = [row('201', 'City of London', 0)];
    expect(() =>
      choroplethSvg({
        title: 't',
        description: 'd',
        areas,
        values: new Map(),
        scale: colourScale(rows, 'members', words),
        focus: '999',
      }),
    ).toThrow('invalid focus: "999"');
  });
});
