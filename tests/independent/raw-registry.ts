// A second registry, built straight from the raw CSVs with papaparse into an in-memory SQLite and asked in plain SQL.
// It shares no code with server/ (not the importer, not the analytics): what it agrees on with the API is the data
// and the published rules (a list is in force until the next list or the network's end; a school serves its own
// council area, a hub the areas of its districts; an establishment at GIAS's grid origin has no location).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const DATA = new URL('../../data/', import.meta.url).pathname;

function rows(path: string): Record<string, string>[] {
  const text = readFileSync(join(DATA, path), 'utf8').replace(/^\ufeff/, '');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim().replace(/\u00a0/g, ''),
  });
  return parsed.data;
}

const SCHEMA = `
CREATE TABLE areas (la_code TEXT PRIMARY KEY, name TEXT, region_code TEXT);
CREATE TABLE names (key TEXT, la_code TEXT, rank INTEGER);
CREATE TABLE gias (urn INTEGER PRIMARY KEY, la_code TEXT, in_areas INTEGER, phase TEXT, pupils INTEGER,
  lat REAL, lon REAL);
CREATE TABLE lists (network TEXT, as_at TEXT, PRIMARY KEY (network, as_at));
CREATE TABLE members (network TEXT, as_at TEXT, key TEXT, urn INTEGER, grp TEXT, code TEXT,
  PRIMARY KEY (network, as_at, key));
CREATE TABLE unplaced (as_at TEXT, key TEXT, place TEXT);
CREATE TABLE serves (network TEXT, as_at TEXT, key TEXT, la_code TEXT, PRIMARY KEY (network, as_at, key, la_code));
CREATE TABLE periods (network TEXT, boundary TEXT, date TEXT);
CREATE TABLE published (network TEXT, date TEXT, value REAL, qualifier TEXT);
CREATE INDEX gias_lat ON gias (lat);
`;

/** Names as the hub lists write them: lower case, no accents or apostrophes, & as and, punctuation as spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function loadAreas(db: Database.Database): void {
  const area = db.prepare('INSERT INTO areas VALUES (?, ?, ?)');
  const name = db.prepare('INSERT INTO names VALUES (?, ?, ?)');
  for (const r of rows('council-areas/upper_tier_las_152_2011-2018.csv')) {
    area.run(r.la_code, r.la_name, r.region_code);
    name.run(nameKey(r.la_name!), r.la_code, 1);
  }
  for (const r of rows('reference/area_aliases.csv')) name.run(nameKey(r.alias!), r.la_code, 2);
  for (const r of rows('council-areas/lad13_to_utla13_la_lookup.csv'))
    name.run(nameKey(r.LAD13NM!), r.LA_CODE, 3);
  for (const r of rows('reference/area_successors.csv')) name.run(nameKey(r.name!), r.la_code, 4);
}

function loadGias(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO gias VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of rows('establishments/gias_open_establishments_2018-03-12.csv')) {
    // GIAS writes "no location" as easting and northing 0 (the grid origin), with that point's latitude.
    const origin = r.easting === '0' && r.northing === '0';
    const located = !origin && r.latitude !== '' && r.longitude !== '';
    insert.run(
      Number(r.urn),
      r.la_code || null,
      r.in_152_english_las === 'Y' ? 1 : 0,
      r.phase || null,
      r.num_pupils === '' ? null : Number(r.num_pupils),
      located ? Number(r.latitude) : null,
      located ? Number(r.longitude) : null,
    );
  }
}

function loadTeachingSchools(db: Database.Database): void {
  const asAt = '2018-03-12';
  db.prepare('INSERT INTO lists VALUES (?, ?)').run('teaching-schools', asAt);
  const member = db.prepare('INSERT INTO members VALUES (?, ?, ?, ?, ?, ?)');
  const serve = db.prepare('INSERT INTO serves VALUES (?, ?, ?, ?)');
  for (const r of rows('teaching-schools/teaching_schools_2018-03-12_enriched.csv')) {
    member.run('teaching-schools', asAt, r.urn, Number(r.urn), r.alliance_name!.trim(), null);
    serve.run('teaching-schools', asAt, r.urn, r.la_code);
  }
}

/**
 * The council areas a list's district names fall in: the first kind of name that knows each (areas, then aliases,
 * 2013 districts, later areas). A name none knows ('East London') is placed nowhere, and noted.
 */
function areasOf(db: Database.Database, districts: string[], noted: (place: string) => void): string[] {
  const lookup = db.prepare(
    'SELECT la_code FROM names WHERE key = ? AND rank = (SELECT min(rank) FROM names WHERE key = ?)',
  );
  return districts.flatMap((d) => {
    const found = lookup.all(nameKey(d), nameKey(d)) as { la_code: string }[];
    if (found.length === 0) noted(d);
    return found.map((f) => f.la_code);
  });
}

/** The 2021 list's comma-separated districts, where 'Bristol, City of' is one name ('City of London' is too). */
export function splitDistricts(cell: string): string[] {
  const names: string[] = [];
  for (const part of cell.split(',').map((p) => p.trim())) {
    if (/^(City|County) of$/.test(part) && names.length > 0) names[names.length - 1] += `, ${part}`;
    else names.push(part);
  }
  return names;
}

/** The hub finder's lists, by the day in each file's name: no codes in the first, codes (tsh_area) after. */
export const FINDER_LISTS = ['2023-10-03', '2023-12-05', '2024-08-14', '2024-10-16', '2025-09-30'];

function loadHubs(db: Database.Database): void {
  const member = db.prepare('INSERT INTO members VALUES (?, ?, ?, ?, NULL, ?)');
  const serve = db.prepare('INSERT OR IGNORE INTO serves VALUES (?, ?, ?, ?)');
  const unplaced = db.prepare('INSERT INTO unplaced VALUES (?, ?, ?)');
  const list = (
    asAt: string,
    hubs: { key: string; urn: number | null; code: string | null; districts: string[] }[],
  ) => {
    db.prepare('INSERT INTO lists VALUES (?, ?)').run('hubs', asAt);
    for (const hub of hubs) {
      member.run('hubs', asAt, hub.key, hub.urn, hub.code);
      const areas = areasOf(db, hub.districts, (place) => unplaced.run(asAt, hub.key, place));
      for (const la of areas) serve.run('hubs', asAt, hub.key, la);
    }
  };
  list(
    '2021-09-01',
    rows('hubs/tsh_list_by_area_2021.csv').map((r) => {
      const [code, districts] = r['Teaching School Hub area']!.split(' - ') as [string, string];
      return { key: code.trim(), urn: Number(r.URN), code: null, districts: splitDistricts(districts) };
    }),
  );
  for (const asAt of FINDER_LISTS) {
    list(
      asAt,
      rows(`hubs/teaching_school_hubs_${asAt}.csv`).map((r, i) => {
        // The header is 'TSH Area' in 2023-2024 and 'tsh_area' in 2025; the first list has none.
        const code = (r['TSH Area'] ?? r.tsh_area ?? '').trim() || null;
        return {
          key: code ?? `row ${i + 2}`,
          urn: null,
          code,
          districts: r.areas!.split(';').map((d) => d.trim()),
        };
      }),
    );
  }
}

function loadPublished(db: Database.Database): void {
  const period = db.prepare('INSERT INTO periods VALUES (?, ?, ?)');
  for (const r of rows('reference/network_periods.csv')) period.run(r.network_id, r.boundary, r.date);
  const networkOf = new Map(
    rows('reference/metrics.csv')
      .filter((m) => m.measure === 'members')
      .map((m) => [m.metric!, m.network_id!]),
  );
  const insert = db.prepare('INSERT INTO published VALUES (?, ?, ?, ?)');
  for (const r of rows('milestones/programme_milestones_2011-2021.csv')) {
    const network = networkOf.get(r.metric!);
    if (network && r.date && r.value_qualifier !== 'target')
      insert.run(network, r.date, Number(r.value), r.value_qualifier);
  }
}

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** The raw data in an in-memory SQLite, with a great-circle distance function for plain SQL. */
export function rawRegistry(): Database.Database {
  const db = new Database(':memory:');
  db.exec(SCHEMA);
  db.function('km', { deterministic: true }, (lat1, lon1, lat2, lon2) => {
    const [a, b, c, d] = [lat1, lon1, lat2, lon2].map(Number) as [number, number, number, number];
    const h =
      Math.sin(rad(c - a) / 2) ** 2 + Math.cos(rad(a)) * Math.cos(rad(c)) * Math.sin(rad(d - b) / 2) ** 2;
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  });
  db.transaction(() => {
    loadAreas(db);
    loadGias(db);
    loadTeachingSchools(db);
    loadHubs(db);
    loadPublished(db);
  })();
  return db;
}
