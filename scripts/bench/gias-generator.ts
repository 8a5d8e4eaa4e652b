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

/** Writes `rows` valid rows in the GIAS extract's format, spread over the real 152 areas. */
export function writeGiasFile(path: string, rows: number, seed: number): void {
  const areas = Papa.parse<Record<string, string>>(
    readFileSync(join(PROJECT_ROOT, 'data/council-areas/upper_tier_las_152_2011-2018.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  ).data;
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, HEADER + '\n');
    let chunk: string[] = [];
    for (let i = 0; i < rows; i++) {
      const area = pick(areas);
      const lat = (50.5 + next() * 4.5).toFixed(6);
      const lon = (-4.5 + next() * 6).toFixed(6);
      const name = area.la_name!.includes(',') ? `"${area.la_name}"` : area.la_name;
      const date =
        next() < 0.5
          ? ''
          : `${String(1 + Math.floor(next() * 28)).padStart(2, '0')}-0${1 + Math.floor(next() * 9)}-201${Math.floor(next() * 8)}`;
      chunk.push(
        [
          100000 + i,
          area.la_code,
          2000 + (i % 7000),
          name,
          'Y',
          area.ons_code_2013,
          area.region_name,
          pick(PHASES),
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
