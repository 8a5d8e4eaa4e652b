// Council-area and region boundaries from the API's TopoJSON, as GeoJSON for Leaflet and d3-geo.
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { api } from '../api.js';
import type { AreaProperties } from './choropleth-svg.js';

export const COUNCIL_AREAS_OBJECT = 'eng_ctyua16';

export interface CouncilAreaProperties extends AreaProperties {
  name: string;
  region_code?: string;
  region_name?: string;
}

export interface Boundaries {
  areas: FeatureCollection<Geometry, CouncilAreaProperties>;
  regions: MultiLineString | null;
}

function isTopology(value: unknown): value is Topology {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Topology';
}

/** Council areas (object eng_ctyua16, property la_code) and region outlines; names the bad answer if wrong. */
export function toBoundaries(councilAreas: unknown, regions: unknown): Boundaries {
  if (!isTopology(councilAreas)) throw new Error('the council-area boundaries are not TopoJSON');
  const object = councilAreas.objects[COUNCIL_AREAS_OBJECT] as
    GeometryCollection<CouncilAreaProperties> | undefined;
  if (!object) {
    throw new Error(
      `the council-area boundaries have no object '${COUNCIL_AREAS_OBJECT}' (found: ${Object.keys(councilAreas.objects).join(', ')})`,
    );
  }
  const areas = feature(councilAreas, object) as FeatureCollection<Geometry, CouncilAreaProperties>;
  let outlines: MultiLineString | null = null;
  if (isTopology(regions)) {
    const first = Object.values(regions.objects)[0] as GeometryCollection | undefined;
    if (first) outlines = mesh(regions, first);
  }
  return { areas, regions: outlines };
}

let cached: Promise<Boundaries> | null = null;

export function loadBoundaries(): Promise<Boundaries> {
  cached ??= Promise.all([api.boundaries('council-areas'), api.boundaries('regions').catch(() => null)]).then(
    ([areas, regions]) => toBoundaries(areas, regions),
  );
  cached.catch(() => {
    cached = null;
  });
  return cached;
}

/** Region names in the boundaries, for the region filter. */
export function regionNames(boundaries: Boundaries): string[] {
  const names = new Set<string>();
  for (const f of boundaries.areas.features)
    if (f.properties.region_name) names.add(f.properties.region_name);
  return [...names].sort();
}
