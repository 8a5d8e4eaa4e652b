import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { PROJECT_ROOT } from '../../server/config.js';

/** A small seeded generator (mulberry32), so every run benchmarks the same bytes. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER =
  'urn,la_code,establishment_number,la_name,in_152_english_las,ons_code_2013,region,phase,num_pupils,ofsted_rating,last_ofsted_date,easting,northing,latitude,longitude';
const PHASES = ['Primary', 'Secondary', 'Not applicable', 'Nursery', '16 plus', 'All through'];
const RATINGS = ['Good', 'Outstanding', 'Requires improvement', '', 'Serious Weaknesses'];

/** What the generator wrote of one establishment, for lists that name establishments. */
export interface GeneratedSchool {
  urn: number;
  la_code: string;
  phase: string;
}

/** The 152 council areas' DfE codes. */
export function councilAreaCodes(): string[] {
  return readAreas().map((a) => a.la_code!);
}

function readAreas(): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(
    readFileSync(join(PROJECT_ROOT, 'data/council-areas/upper_tier_las_152_2011-2018.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  ).data;
}

/** Where an area's schools are: the mean and spread (standard deviation) of their coordinates, in degrees. */
export interface AreaPlace {
  lat: number;
  lon: number;
  sdLat: number;
  sdLon: number;
}

/** Each area's place, from the shipped establishments list (for generated schools that lie in their own area). */
export function areaPlaces(): Map<string, AreaPlace> {
  const rows = Papa.parse<Record<string, string>>(
    readFileSync(join(PROJECT_ROOT, 'data/establishments/gias_open_establishments_2018-03-12.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  ).data;
  const sums = new Map<string, { n: number; lat: number; lon: number; lat2: number; lon2: number }>();
  for (const row of rows) {
    const [lat, lon] = [Number(row.latitude), Number(row.longitude)];
    if (!row.latitude || !row.longitude || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const sum = sums.get(row.la_code!) ?? { n: 0, lat: 0, lon: 0, lat2: 0, lon2: 0 };
    sums.set(row.la_code!, {
      n: sum.n + 1,
      lat: sum.lat + lat,
      lon: sum.lon + lon,
      lat2: sum.lat2 + lat * lat,
      lon2: sum.lon2 + lon * lon,
    });
  }
  const sd = (sq: number, mean: number, n: number) => Math.sqrt(Math.max(0, sq / n - mean * mean));
  return new Map(
    [...sums].map(([code, s]) => {
      const [lat, lon] = [s.lat / s.n, s.lon / s.n];
      return [code, { lat, lon, sdLat: sd(s.lat2, lat, s.n), sdLon: sd(s.lon2, lon, s.n) }];
    }),
  );
}

/**
 * Writes `rows` valid rows in the GIAS extract's format, spread over the real 152 areas; `onRow` sees each one
 * (to pick members from). Coordinates are anywhere in a box over England, or, given `places`, about the area's
 * own schools.
 */
export function writeGiasFile(
  path: string,
  rows: number,
  seed: number,
  onRow?: (school: GeneratedSchool) => void,
  places?: Map<string, AreaPlace>,
): void {
  const areas = readAreas();
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, HEADER + '\n');
    let chunk: string[] = [];
    for (let i = 0; i < rows; i++) {
      const area = pick(areas);
      const place = places?.get(area.la_code!);
      // Two uniform draws either way, so a seed gives the same file it always did without places.
      const [u, v] = [next(), next()];
      const lat = (place ? place.lat + place.sdLat * 2 * (u - 0.5) * 1.7 : 50.5 + u * 4.5).toFixed(6);
      const lon = (place ? place.lon + place.sdLon * 2 * (v - 0.5) * 1.7 : -4.5 + v * 6).toFixed(6);
      const name = area.la_name!.includes(',') ? `"${area.la_name}"` : area.la_name;
      const date =
        next() < 0.5
          ? ''
          : `${String(1 + Math.floor(next() * 28)).padStart(2, '0')}-0${1 + Math.floor(next() * 9)}-201${Math.floor(next() * 8)}`;
      // Picked here, after the date, so the file's bytes are those the generator always wrote for a seed.
      const phase = pick(PHASES);
      onRow?.({ urn: 100000 + i, la_code: area.la_code!, phase });
      chunk.push(
        [
          100000 + i,
          area.la_code,
          2000 + (i % 7000),
          name,
          'Y',
          area.ons_code_2013,
          area.region_name,
          phase,
          Math.floor(next() * 1500),
          pick(RATINGS),
          date,
          400000 + Math.floor(next() * 100000),
          200000 + Math.floor(next() * 300000),
          lat,
          lon,
        ].join(','),
      );
      if (chunk.length === 10_000) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
}
