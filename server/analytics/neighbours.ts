import { distance } from 'geokdbush';
import type { Db } from '../db/gateway.js';
import { councilAreaRows } from '../db/queries/areas.js';
import { areaCentres } from '../db/queries/establishments.js';
import { adjacentAreas, areasAdjacentTo } from '../db/queries/reach.js';
import { round } from './context.js';

/** la_code -> the la_codes of the areas that share a boundary with it (worked out when boundaries are imported). */
export function adjacency(db: Db): Map<string, string[]> {
  const adjacent = adjacentAreas(db);
  return new Map(councilAreaRows(db).map((a) => [a.la_code, adjacent.get(a.la_code) ?? []]));
}

export interface AreaNeighbour {
  la_code: string;
  /** true: shares a boundary; false (islands): one of the nearest areas by the centres of their schools. */
  adjacent: boolean;
  km: number | null;
}

/** An area's neighbours; for an area with none on the map (an island), its three nearest areas. */
export function neighboursOf(db: Db, laCode: string): AreaNeighbour[] {
  const adjacent = areasAdjacentTo(db, laCode);
  if (adjacent.length > 0) return adjacent.map((code) => ({ la_code: code, adjacent: true, km: null }));
  const centres = areaCentres(db);
  const here = centres.find((c) => c.la_code === laCode);
  if (!here) return [];
  return centres
    .filter((c) => c.la_code !== laCode)
    .map((c) => ({ la_code: c.la_code, adjacent: false, km: distance(here.lon, here.lat, c.lon, c.lat) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, 3)
    .map((n) => ({ ...n, km: round(n.km, 1) }));
}
