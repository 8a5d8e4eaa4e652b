/** A point on the earth with whatever it stands for. */
export interface GeoPoint<T = unknown> {
  lat: number;
  lon: number;
  item: T;
}

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = 111.2;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface Neighbour<T> {
  point: GeoPoint<T>;
  km: number;
}

/**
 * A uniform grid over latitude and longitude: a radius query looks only at the cells its bounding box touches,
 * then measures exact great-circle distances. Cells are `cellKm` tall; their width in degrees is the same.
 */
export class GridIndex<T> {
  private readonly cells = new Map<string, GeoPoint<T>[]>();
  private readonly cellDeg: number;

  constructor(
    points: readonly GeoPoint<T>[],
    readonly cellKm = 10,
  ) {
    this.cellDeg = cellKm / KM_PER_DEGREE_LAT;
    for (const point of points) {
      const key = this.key(this.cell(point.lat), this.cell(point.lon));
      const cell = this.cells.get(key);
      if (cell) cell.push(point);
      else this.cells.set(key, [point]);
    }
  }

  get size(): number {
    let n = 0;
    for (const cell of this.cells.values()) n += cell.length;
    return n;
  }

  private cell(deg: number): number {
    return Math.floor(deg / this.cellDeg);
  }

  private key(i: number, j: number): string {
    return `${i}:${j}`;
  }

  /** The points in the cells that a circle of km around (lat, lon) touches. */
  private *candidates(lat: number, lon: number, km: number): Generator<GeoPoint<T>> {
    const dLat = km / KM_PER_DEGREE_LAT;
    const cosPoleward = Math.cos(rad(Math.min(89, Math.abs(lat) + dLat)));
    const dLon = km / (KM_PER_DEGREE_LAT * Math.max(cosPoleward, 1e-6));
    for (let i = this.cell(lat - dLat); i <= this.cell(lat + dLat); i++) {
      for (let j = this.cell(lon - dLon); j <= this.cell(lon + dLon); j++) {
        yield* this.cells.get(this.key(i, j)) ?? [];
      }
    }
  }

  /** Every point within km of (lat, lon) that `keep` accepts, nearest first. */
  within(lat: number, lon: number, km: number, keep: (item: T) => boolean = () => true): Neighbour<T>[] {
    const found: Neighbour<T>[] = [];
    for (const point of this.candidates(lat, lon, km)) {
      if (!keep(point.item)) continue;
      const d = haversineKm(lat, lon, point.lat, point.lon);
      if (d <= km) found.push({ point, km: d });
    }
    return found.sort((a, b) => a.km - b.km);
  }

  /** Is any point within km? Stops at the first one found. */
  anyWithin(lat: number, lon: number, km: number): boolean {
    for (const point of this.candidates(lat, lon, km)) {
      if (haversineKm(lat, lon, point.lat, point.lon) <= km) return true;
    }
    return false;
  }

  /** The k nearest points that `keep` accepts, searching ever wider up to maxKm. */
  nearest(lat: number, lon: number, k: number, keep: (item: T) => boolean = () => true, maxKm = 1000) {
    for (let km = this.cellKm; ; km *= 2) {
      const found = this.within(lat, lon, Math.min(km, maxKm), keep);
      if (found.length >= k || km >= maxKm) return found.slice(0, k);
    }
  }
}
