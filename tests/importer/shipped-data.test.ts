import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../server/db/gateway.js';
import { openDatabase } from '../../server/db/open.js';
import { areaLifetime, areasInForce } from '../../server/db/queries/areas.js';
import { databaseInfo } from '../../server/db/queries/info.js';
import { buildDatabase, needsBuild } from '../../server/importer/build.js';
import { importFile } from '../../server/importer/import-file.js';
import { DATA_DIR, HUB_LIST_DATES, tempDatabase } from '../helpers/db.js';

let db: Db;
beforeAll(() => {
  db = openDatabase(inject('shippedDb'), { readonly: true });
});
afterAll(() => db.close());

describe('the shipped data, built by db:build', () => {
  it('reproduces the published facts', () => {
    const info = databaseInfo(db);
    expect(info.integrity_check).toBe('ok');
    // Every council area since 2011: 152 of 2011-2018 and the 6 created since (838, 839, 940-943).
    expect(info.council_areas).toBe(158);
    expect(info.regions).toBe(9);
    expect(info.establishments).toMatchObject({ total: 30013, in_council_areas: 28087 });
    expect(info.networks.find((n) => n.id === 'teaching-schools')).toEqual({
      id: 'teaching-schools',
      as_at: '2018-03-12',
      snapshots: 1,
      members: 808,
      groups: 640,
      council_areas_covered: 149,
    });
    expect(info.networks.find((n) => n.id === 'hubs')).toMatchObject({ members: 87 });
    expect(info.milestones).toBe(40);
    expect(info.boundaries).toEqual([
      { level: 'council-areas', features: 158 },
      { level: 'regions', features: 9 },
    ]);
    expect(info.imports.every((i) => i.outcome === 'committed' && /^[0-9a-f]{64}$/.test(i.sha256))).toBe(
      true,
    );
  });

  it('holds the council areas of each date: 152, 151 from April 2019, 152 from April 2021, 153 from April 2023', () => {
    const count = (day: string) => areasInForce(db, day).length;
    expect(
      ['2010-01-01', '2018-03-12', '2019-03-31', '2019-04-01', '2021-03-31', '2021-04-01', '2023-03-31'].map(
        count,
      ),
    ).toEqual([152, 152, 152, 151, 151, 152, 152]);
    expect(count('2023-04-01')).toBe(153);
    expect(count('2025-10-01')).toBe(153);
    const codes = (day: string) => areasInForce(db, day).map((a) => a.la_code);
    expect(codes('2020-01-01')).toEqual(expect.arrayContaining(['838', '839', '909', '928']));
    expect(codes('2020-01-01')).not.toEqual(expect.arrayContaining(['835']));
    expect(codes('2025-10-01').filter((c) => ['909', '928', '942', '943', '940', '941'].includes(c))).toEqual(
      ['940', '941', '942', '943'],
    );
    // Two areas named Dorset, never in force together.
    expect(
      areasInForce(db, '2018-03-12')
        .filter((a) => a.name === 'Dorset')
        .map((a) => a.la_code),
    ).toEqual(['835']);
    expect(
      areasInForce(db, '2024-06-17')
        .filter((a) => a.name === 'Dorset')
        .map((a) => a.la_code),
    ).toEqual(['838']);
    expect(areaLifetime(db, '909')).toEqual({
      valid_from: null,
      valid_to: '2023-03-31',
      predecessors: [],
      successors: [
        { la_code: '942', name: 'Cumberland' },
        { la_code: '943', name: 'Westmorland and Furness' },
      ],
    });
    expect(areaLifetime(db, '839')).toMatchObject({
      valid_from: '2019-04-01',
      valid_to: null,
      predecessors: [
        { la_code: '835', name: 'Dorset' },
        { la_code: '836', name: 'Poole' },
        { la_code: '837', name: 'Bournemouth' },
      ],
    });
    // Neighbours are areas in force together: Cumbria's edges are Cumberland's, but they never coexisted.
    const neighbours = db.prepare("SELECT neighbour FROM area_adjacency WHERE la_code = '942'").pluck().all();
    expect(neighbours).toEqual(['929', '943']);
  });

  it('leaves no teaching school in City of London, Isles of Scilly or Isle of Wight', () => {
    const covered = new Set(
      db
        .prepare(
          'SELECT DISTINCT la_code FROM snapshot_member_areas a JOIN snapshots s ON s.id = a.snapshot_id WHERE s.network_id = ?',
        )
        .pluck()
        .all('teaching-schools'),
    );
    const all = areasInForce(db, '2018-03-12').map((a) => a.la_code);
    expect(all.filter((code) => !covered.has(code)).sort()).toEqual(['201', '420', '921']);
  });

  it('gives every one of the 808 teaching schools the area code the enriched file gives', () => {
    const enriched = Papa.parse<Record<string, string>>(
      readFileSync(join(DATA_DIR, 'teaching-schools/teaching_schools_2018-03-12_enriched.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    const stored = new Map(
      (
        db
          .prepare(
            'SELECT m.urn, sm.la_code FROM snapshot_members sm JOIN members m ON m.id = sm.member_id WHERE m.network_id = ?',
          )
          .all('teaching-schools') as { urn: number; la_code: string }[]
      ).map((r) => [String(r.urn), r.la_code]),
    );
    expect(enriched).toHaveLength(808);
    const mismatches = enriched.filter((row) => stored.get(row.urn!) !== row.la_code);
    expect(mismatches).toEqual([]);
  });

  it('resolves the areas of all 87 hubs of each of the six lists to 2011-2018 council areas, all 152 served', () => {
    const served = db
      .prepare(
        `SELECT s.as_at, count(DISTINCT member_id) AS hubs, count(DISTINCT la_code) AS areas
         FROM snapshot_member_areas a JOIN snapshots s ON s.id = a.snapshot_id
         WHERE s.network_id = 'hubs' GROUP BY s.id ORDER BY s.as_at`,
      )
      .all();
    const dates = HUB_LIST_DATES;
    expect(served).toEqual(dates.map((as_at) => ({ as_at, hubs: 87, areas: 152 })));
  });
});

describe('db:build', () => {
  it('builds from ../shared/data too when it is there, and then needs no rebuild', () => {
    const shared = join(DATA_DIR, '../../shared/data');
    const dataDir = existsSync(shared) ? shared : DATA_DIR;
    const { dir, cleanup, db: scratch } = tempDatabase();
    scratch.close();
    const dbPath = join(dir, 'built.sqlite');
    try {
      expect(needsBuild({ dataDir, projectDataDir: DATA_DIR, dbPath })).toMatch(/does not exist/);
      buildDatabase({ dataDir, projectDataDir: DATA_DIR, dbPath });
      expect(needsBuild({ dataDir, projectDataDir: DATA_DIR, dbPath })).toBeNull();
      // A later import that supersedes a shipped file's import is no reason to rebuild (and lose it).
      const db = openDatabase(dbPath);
      const hubs = 'tsh_area,name,areas\nX1,New Hub,Camden\n';
      importFile(db, { kind: 'hubs', bytes: Buffer.from(hubs), fileName: 'hubs.csv', asAt: '2021-09-01' });
      db.close();
      expect(needsBuild({ dataDir, projectDataDir: DATA_DIR, dbPath })).toBeNull();
    } finally {
      cleanup();
    }
  });

  it('leaves the old database untouched when a file is rejected', () => {
    const { dir, cleanup, path, db: existing } = tempDatabase();
    existing.close();
    const before = readFileSync(path);
    try {
      expect(() =>
        buildDatabase({ dataDir: join(dir, 'no-such-dir'), projectDataDir: DATA_DIR, dbPath: path }),
      ).toThrow(/ENOENT/);
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(existsSync(`${path}.building-${process.pid}`)).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe('the shipped copy of the data', () => {
  const shared = join(DATA_DIR, '../../shared/data');
  it.runIf(existsSync(shared))('is byte-for-byte the reference copy in ../shared/data', () => {
    const files = readdirSync(shared, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'README.md')
      .map((entry) => relative(shared, join(entry.parentPath, entry.name)));
    expect(files.length).toBeGreaterThanOrEqual(11);
    const differing = files.filter(
      (file) => !readFileSync(join(shared, file)).equals(readFileSync(join(DATA_DIR, file))),
    );
    expect(differing).toEqual([]);
  });
});
