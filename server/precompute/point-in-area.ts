// Whether a point lies inside an area's boundary (GeoJSON Polygon or MultiPolygon in longitude and latitude). Ray
// casting, even-odd over every ring, so holes count; at the scale of a council area the plane is close enough.
import type { Geometry, Position } from 'geojson';

function inRing(lon: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]! as [number, number];
    const [xj, yj] = ring[j]! as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function containsPoint(geometry: Geometry | null, lon: number, lat: number): boolean {
  if (!geometry) return false;
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  return polygons.some((rings) =>
    rings.reduce((inside, ring) => (inRing(lon, lat, ring) ? !inside : inside), false),
  );
}
