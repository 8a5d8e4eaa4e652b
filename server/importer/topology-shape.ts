// What a map needs of a TopoJSON object before it replaces the boundaries every map draws: polygons made of arcs
// that exist, with positions that are numbers, inside England. A topology that fails here would draw nothing (or
// one point) where 152 areas were.

import { ENGLAND } from './values.js';

export interface TopologyGeometry {
  type?: unknown;
  id?: unknown;
  arcs?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface TopologyDoc {
  type?: unknown;
  objects?: Record<string, { type?: unknown; geometries?: unknown }>;
  arcs?: unknown;
  transform?: { scale?: unknown; translate?: unknown };
}

const isNumberPair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length >= 2 && Number.isFinite(v[0]) && Number.isFinite(v[1]);

/** Why the topology's arcs cannot be drawn, or null. Checks every position, decoded, against England's bounds. */
export function arcsProblem(doc: TopologyDoc): string | null {
  const { transform } = doc;
  if (transform !== undefined && !(isNumberPair(transform.scale) && isNumberPair(transform.translate))) {
    return 'the transform must have a numeric scale and translate';
  }
  if (!Array.isArray(doc.arcs) || doc.arcs.length === 0) return 'the topology has no arcs';
  const [sx, sy] = transform ? (transform.scale as [number, number]) : [1, 1];
  const [tx, ty] = transform ? (transform.translate as [number, number]) : [0, 0];
  for (let a = 0; a < doc.arcs.length; a++) {
    const arc: unknown = doc.arcs[a];
    if (!Array.isArray(arc) || arc.length < 2) return `arc ${a} has fewer than two positions`;
    let x = 0;
    let y = 0;
    for (const position of arc) {
      if (!isNumberPair(position)) return `arc ${a} has a position that is not two numbers`;
      // Quantized arcs are delta-encoded; plain ones hold absolute positions.
      x = transform ? x + position[0] : position[0];
      y = transform ? y + position[1] : position[1];
      const lon = x * sx + tx;
      const lat = y * sy + ty;
      const b = ENGLAND;
      if (lon < b.minLongitude || lon > b.maxLongitude || lat < b.minLatitude || lat > b.maxLatitude) {
        return `arc ${a} reaches ${lon.toFixed(3)}, ${lat.toFixed(3)} (longitude, latitude), outside England`;
      }
    }
  }
  return null;
}

/** Why one geometry cannot be drawn as an area, or null: a Polygon or MultiPolygon of rings of existing arcs. */
export function geometryProblem(geometry: TopologyGeometry, arcCount: number): string | null {
  // Appended one by one, never spread into push(): a hostile geometry of 200,000 rings would overflow the stack.
  const rings: unknown[] = [];
  if (geometry.type === 'Polygon' && Array.isArray(geometry.arcs)) {
    for (const ring of geometry.arcs) rings.push(ring);
  } else if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.arcs)) {
    for (const polygon of geometry.arcs) {
      if (!Array.isArray(polygon) || polygon.length === 0)
        return 'a polygon of the MultiPolygon has no rings';
      for (const ring of polygon) rings.push(ring);
    }
  } else return `is a ${String(geometry.type)}, not a Polygon or MultiPolygon with arcs`;
  if (rings.length === 0) return 'has no rings';
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length === 0) return 'has a ring without arcs';
    for (const index of ring) {
      // A negative index ~i is arc i reversed.
      const arc = Number.isInteger(index) ? (index < 0 ? ~index : index) : -1;
      if (arc < 0 || arc >= arcCount)
        return `refers to arc ${String(index)}, which the topology does not have`;
    }
  }
  return null;
}
