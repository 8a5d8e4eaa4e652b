import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Db } from '../db/gateway.js';
import { boundaryRow } from '../db/queries/boundaries.js';
import { areaCentres } from './distance.js';
import { round } from './context.js';
import { haversineKm } from './geo.js';
import { memo } from './memo.js';

/** la_code -> the la_codes of the areas that share a boundary with it (from the council-area TopoJSON). */
export function adjacency(db: Db): Map<string, string[]> {
  return memo(db, 'adjacency', () => {
    const row = boundaryRow(db, 'council-areas');
    const result = new Map<string, string[]>();
    if (!row) return result;
    const topology = JSON.parse(row.topojson) as Topology;
    const object = topology.objects[row.object] as GeometryCollection;
    const codes = object.geometries.map((g) =>
      String((g.properties as { la_code?: unknown })?.la_code ?? ''),
    );
    neighbors(object.geometries).forEach((list, i) => {
      const code = codes[i]!;
      if (code)
        result.set(
          code,
          list
            .map((j) => codes[j]!)
            .filter(Boolean)
            .sort(),
        );
    });
    return result;
  });
}

export interface AreaNeighbour {
  la_code: string;
  /** true: shares a boundary; false (islands): one of the nearest areas by the centres of their schools. */
  adjacent: boolean;
  km: number | null;
}

/** An area's neighbours; for an area with none on the map (an island), its three nearest areas. */
export function neighboursOf(db: Db, laCode: string): AreaNeighbour[] {
  const adjacent = adjacency(db).get(laCode) ?? [];
  if (adjacent.length > 0) return adjacent.map((code) => ({ la_code: code, adjacent: true, km: null }));
  const centres = areaCentres(db);
  const here = centres.get(laCode);
  if (!here) return [];
  return [...centres]
    .filter(([code]) => code !== laCode)
    .map(([code, c]) => ({
      la_code: code,
      adjacent: false,
      km: haversineKm(here.lat, here.lon, c.lat, c.lon),
    }))
    .sort((a, b) => a.km - b.km)
    .slice(0, 3)
    .map((n) => ({ ...n, km: round(n.km, 1) }));
}
