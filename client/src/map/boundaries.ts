// Council-area and region boundaries from the API's TopoJSON, as GeoJSON for Leaflet and d3-geo.
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { api } from '../api.js';
import type { AreaProperties } from './choropleth-svg.js';

/** The council areas of every date since 2011 (each with its days), or, in an older database, those of 2016. */
export const COUNCIL_AREAS_OBJECTS = ['council_areas', 'eng_ctyua16'];

export interface CouncilAreaProperties extends AreaProperties {
  name: string;
  region_code?: string;
  region_name?: string;
  /** The area's first and last day (both included); null or absent: before 2011, or still in force. */
  valid_from?: string | null;
  valid_to?: string | null;
}

export interface Boundaries {
  areas: FeatureCollection<Geometry, CouncilAreaProperties>;
  regions: MultiLineString | null;
}

function isTopology(value: unknown): value is Topology {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Topology';
}

/** Whether an area was in force on a day (its days include it; an area without a start existed in 2011). */
export function inForceOn(p: CouncilAreaProperties, day: string): boolean {
  return (!p.valid_from || p.valid_from <= day) && (!p.valid_to || p.valid_to >= day);
}

/**
 * The borders between regions and the coast, from the council areas in force (each with its region_code): no
 * second download (the regions' own file is 45 KB more on a phone), and lines on the areas' own edges. Null when
 * an area has no region code.
 */
function regionOutlines(
  topology: Topology,
  object: GeometryCollection<CouncilAreaProperties>,
  day: string | undefined,
): MultiLineString | null {
  const regionOf = (g: unknown) => (g as { properties?: CouncilAreaProperties }).properties?.region_code;
  const geometries = object.geometries.filter(
    (g) => day === undefined || inForceOn(g.properties as CouncilAreaProperties, day),
  );
  if (!geometries.every(regionOf)) return null;
  return mesh(topology, { ...object, geometries }, (a, b) => a === b || regionOf(a) !== regionOf(b));
}

/**
 * Council areas (object council_areas or eng_ctyua16, property la_code) and region outlines; names the bad answer
 * if wrong. Given a day, only the areas in force on it: boundaries of every date overlap.
 */
export function toBoundaries(councilAreas: unknown, day?: string): Boundaries {
  if (!isTopology(councilAreas)) throw new Error('the council-area boundaries are not TopoJSON');
  const name = COUNCIL_AREAS_OBJECTS.find((n) => n in councilAreas.objects);
  const object = name ? (councilAreas.objects[name] as GeometryCollection<CouncilAreaProperties>) : undefined;
  if (!object) {
    throw new Error(
      `the council-area boundaries have no object '${COUNCIL_AREAS_OBJECTS.join("' or '")}' (found: ${Object.keys(councilAreas.objects).join(', ')})`,
    );
  }
  const all = feature(councilAreas, object) as FeatureCollection<Geometry, CouncilAreaProperties>;
  const areas =
    day === undefined ? all : { ...all, features: all.features.filter((f) => inForceOn(f.properties, day)) };
  return { areas, regions: regionOutlines(councilAreas, object, day) };
}

let cached: Promise<unknown> | null = null;

/** The council areas in force on a day (all of them, without one) and the region outlines. */
export function loadBoundaries(day?: string): Promise<Boundaries> {
  cached ??= api.boundaries('council-areas');
  cached.catch(() => {
    cached = null;
  });
  return cached.then((areas) => toBoundaries(areas, day));
}

/** Region names in the boundaries, for the region filter. */
export function regionNames(boundaries: Boundaries): string[] {
  const names = new Set<string>();
  for (const f of boundaries.areas.features)
    if (f.properties.region_name) names.add(f.properties.region_name);
  return [...names].sort();
}

/**
 * The region a link names, by name or code in any case as the API takes it ('london', 'E12000007' -> 'London');
 * null for none, or for a region no council area of these boundaries is in.
 */
export function regionNamed(boundaries: Boundaries, text: string | null): string | null {
  const wanted = text?.toLowerCase();
  if (!wanted) return null;
  const area = boundaries.areas.features.find(
    (f) =>
      f.properties.region_name?.toLowerCase() === wanted ||
      f.properties.region_code?.toLowerCase() === wanted,
  );
  return area?.properties.region_name ?? null;
}
