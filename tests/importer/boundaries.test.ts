import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { importFile } from '../../server/importer/import-file.js';
import { DATA_DIR, dump, importPath, loadCouncilAreas, tempDatabase } from '../helpers/db.js';

// A boundaries file replaces what every map draws: one the map cannot draw must be refused, naming why, and leave
// the boundaries as they were.

const AREAS = join(DATA_DIR, 'council-areas/eng_ctyua16_152_education_las.topojson');
const REGIONS = join(DATA_DIR, 'council-areas/ons_rgn16_eng_gen20m_wgs84.topojson');

interface Topology {
  type: string;
  arcs: number[][][];
  transform?: { scale: number[]; translate: number[] };
  objects: Record<string, { type: string; geometries: Record<string, unknown>[] }>;
}

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
  loadCouncilAreas(db);
  importPath(db, 'boundaries', AREAS);
  importPath(db, 'boundaries', REGIONS);
});
afterEach(() => cleanup());

const real = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Topology;
const areas = () => real(AREAS);

function attempt(topology: unknown) {
  const before = dump(db);
  const report = importFile(db, {
    kind: 'boundaries',
    bytes: Buffer.from(typeof topology === 'string' ? topology : JSON.stringify(topology)),
    fileName: 'b.topojson',
  });
  expect(report.status).toBe('rejected');
  const { import_reports: _a, ...after } = dump(db);
  const { import_reports: _b, ...unchanged } = before;
  expect(after).toEqual(unchanged);
  return report.errors.map((e) => e.message);
}

describe('boundaries a map cannot draw are refused', () => {
  it('a topology of one point in place of the 152 areas', () => {
    const onePoint = {
      type: 'Topology',
      arcs: [],
      objects: {
        eng_ctyua16: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Point', coordinates: [0, 52], properties: { la_code: '201' } }],
        },
      },
    };
    expect(attempt(onePoint)).toEqual(['the topology has no arcs']);
  });

  it('a geometry that is not a polygon', () => {
    const t = areas();
    t.objects.eng_ctyua16!.geometries[0] = {
      ...t.objects.eng_ctyua16!.geometries[0],
      type: 'LineString',
      arcs: [0],
    };
    expect(attempt(t)).toEqual([
      expect.stringMatching(/^the geometry of '\d{3}' is a LineString, not a Polygon/),
    ]);
  });

  it('a polygon made of an arc the topology does not have', () => {
    const t = areas();
    const g = t.objects.eng_ctyua16!.geometries[5]!;
    g.type = 'Polygon';
    g.arcs = [[100000]];
    expect(attempt(t)).toEqual([
      expect.stringMatching(/refers to arc 100000, which the topology does not have$/),
    ]);
  });

  it('positions outside England, and positions that are not numbers', () => {
    const far = areas();
    far.transform!.translate = [40, 10];
    expect(attempt(far)[0]).toMatch(/^arc 0 reaches .* outside England$/);
    const text = areas();
    (text.arcs[3]![1] as unknown[])[0] = 'x';
    expect(attempt(text)).toEqual(['arc 3 has a position that is not two numbers']);
  });

  it('an object that is not a collection of geometries', () => {
    const t = areas();
    t.objects.eng_ctyua16!.type = 'Polygon';
    expect(attempt(t)[0]).toBe('the object must be a GeometryCollection of areas, not Polygon');
  });

  it('a file that leaves council areas or regions out, naming them', () => {
    const t = areas();
    t.objects.eng_ctyua16!.geometries = t.objects.eng_ctyua16!.geometries.filter(
      (g) => !['201', '420', '921'].includes((g.properties as { la_code: string }).la_code),
    );
    expect(attempt(t)).toEqual(['the file has no boundary for 3 of the 152 council areas: 201, 420, 921']);
    const r = real(REGIONS);
    const object = Object.values(r.objects)[0]!;
    object.geometries = object.geometries.slice(1);
    expect(attempt(r)).toEqual([
      expect.stringMatching(/^the file has no boundary for 1 of the 9 regions: E12\d{6}$/),
    ]);
  });

  it('takes the real files again (unchanged) and a valid file with its areas in another order', () => {
    expect(importPath(db, 'boundaries', AREAS).status).toBe('unchanged');
    const t = areas();
    t.objects.eng_ctyua16!.geometries.reverse();
    const report = importFile(db, {
      kind: 'boundaries',
      bytes: Buffer.from(JSON.stringify(t)),
      fileName: 'b.topojson',
    });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('committed');
  });
});
