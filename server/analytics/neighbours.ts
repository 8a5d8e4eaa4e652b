import { distance } from 'geokdbush';
import type { Db } from '../db/gateway.js';
import { areasInForce } from '../db/queries/areas.js';
import { FIRST_AREA_DAY } from '../db/writes/council-areas.js';
import { areaCentres } from '../db/queries/establishments.js';
import { adjacentAreas, areasAdjacentTo } from '../db/queries/reach.js';
import { round } from './context.js';

/**
 * la_code -> the la_codes of the areas that share a boundary with it (worked out when boundaries are imported),
 * among the areas in force on a day (by default those of 2011-2018).
 */
export function adjacency(db: Db, day: string = FIRST_AREA_DAY): Map<string, string[]> {
  const adjacent = adjacentAreas(db);
  const codes = new Set(areasInForce(db, day).map((a) => a.la_code));
  return new Map(
    [...codes].map((code) => [code, (adjacent.get(code) ?? []).filter((other) => codes.has(other))]),
  );
}

export interface AreaNeighbour {
  la_code: string;
  /** true: shares a boundary; false (islands): one of the nearest areas by the centres of their schools. */
  adjacent: boolean;
  km: number | null;
}

/**
 * An area's neighbours among the areas in force on a day; for an area with none on the map (an island), its three
 * nearest areas.
 */
export function neighboursOf(db: Db, laCode: string, day: string = FIRST_AREA_DAY): AreaNeighbour[] {
  const codes = new Set(areasInForce(db, day).map((a) => a.la_code));
  const adjacent = areasAdjacentTo(db, laCode).filter((code) => codes.has(code));
  if (adjacent.length > 0) return adjacent.map((code) => ({ la_code: code, adjacent: true, km: null }));
  const centres = areaCentres(db).filter((c) => codes.has(c.la_code) || c.la_code === laCode);
  const here = centres.find((c) => c.la_code === laCode);
  if (!here) return [];
  return centres
    .filter((c) => c.la_code !== laCode)
    .map((c) => ({ la_code: c.la_code, adjacent: false, km: distance(here.lon, here.lat, c.lon, c.lat) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, 3)
    .map((n) => ({ ...n, km: round(n.km, 1) }));
}
