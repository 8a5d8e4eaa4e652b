import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Db } from '../db/gateway.js';
import { areaSpans } from '../db/queries/areas.js';
import { boundaryRow } from '../db/queries/boundaries.js';
import { rewriteAdjacency } from '../db/writes/derived.js';

/** The pairs of council areas whose boundaries (the council-area TopoJSON) share an arc, both ways round. */
export function adjacentPairs(topojson: string, object: string): [string, string][] {
  const topology = JSON.parse(topojson) as Topology;
  const collection = topology.objects[object] as GeometryCollection;
  const codes = collection.geometries.map((g) =>
    String((g.properties as { la_code?: unknown } | undefined)?.la_code ?? ''),
  );
  const pairs: [string, string][] = [];
  neighbors(collection.geometries).forEach((list, i) => {
    for (const j of list) if (codes[i] && codes[j]) pairs.push([codes[i]!, codes[j]!]);
  });
  return pairs;
}

/**
 * Works out again which council areas are neighbours, from the council-area boundaries held now. Boundaries of
 * every date share their edges, so Cumbria touches Cumberland: only areas that were in force on a day together
 * are neighbours.
 */
export function refreshAdjacency(db: Db): void {
  const row = boundaryRow(db, 'council-areas');
  const spans = new Map(areaSpans(db).map((a) => [a.la_code, a]));
  const together = ([a, b]: [string, string]): boolean => {
    const x = spans.get(a);
    const y = spans.get(b);
    if (!x || !y) return true;
    return x.valid_from <= (y.valid_to ?? '9999') && y.valid_from <= (x.valid_to ?? '9999');
  };
  rewriteAdjacency(db, row ? adjacentPairs(row.topojson, row.object).filter(together) : []);
}
