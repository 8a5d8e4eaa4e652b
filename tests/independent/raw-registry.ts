// A second registry, built straight from the raw CSVs with papaparse into an in-memory SQLite and asked in plain SQL.
// It shares no code with server/ (not the importer, not the analytics): what it agrees on with the API is the data
// and the published rules (a list is in force until the next list or the network's end; a school serves its own
// council area, a hub the areas of its districts; an establishment at GIAS's grid origin has no location).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoContains } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import Papa from 'papaparse';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

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
CREATE TABLE dated (la_code TEXT PRIMARY KEY, name TEXT, valid_from TEXT, valid_to TEXT, successors TEXT,
  districts TEXT);
CREATE TABLE placed (urn INTEGER, la_code TEXT, PRIMARY KEY (urn, la_code));
CREATE TABLE district_codes (key TEXT PRIMARY KEY, code TEXT, la_code TEXT);
CREATE TABLE compositions (key TEXT PRIMARY KEY, districts TEXT);
CREATE TABLE register (urn INTEGER PRIMARY KEY, la_code TEXT, phase TEXT, open INTEGER);
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
  // The areas of every date since 2011, with their days (both included; empty: before 2011, or still in force).
  const dated = db.prepare('INSERT INTO dated VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of rows('council-areas/council_areas_2011-2026.csv')) {
    dated.run(
      r.la_code,
      r.la_name,
      r.valid_from || '0000',
      r.valid_to || '9999',
      r.successor_la_codes,
      r.districts_2016,
    );
  }
  const district = db.prepare('INSERT OR IGNORE INTO district_codes VALUES (?, ?, ?)');
  for (const r of rows('council-areas/lad13_to_utla13_la_lookup.csv'))
    district.run(nameKey(r.LAD13NM!), r.LAD13CD, r.LA_CODE);
  const composition = db.prepare('INSERT OR IGNORE INTO compositions VALUES (?, ?)');
  for (const r of rows('reference/area_successors.csv')) {
    if (r.districts_2013) composition.run(nameKey(r.name!), r.districts_2013);
  }
}

/** The council areas in force on a day, by code. */
export function areasOn(db: Database.Database, day: string): string[] {
  return db
    .prepare('SELECT la_code FROM dated WHERE valid_from <= ? AND valid_to >= ? ORDER BY la_code')
    .pluck()
    .all(day < '2011-04-01' ? '2011-04-01' : day, day) as string[];
}

/**
 * Establishments of an area replaced since 2018, placed in the areas that replaced it: the one that took the whole,
 * else the one the June 2024 register's council area names (by name among those areas), else the one whose
 * boundary (d3-geo, on the dated TopoJSON) holds the establishment's location.
 */
function placeEstablishments(db: Database.Database): void {
  const registered = new Map(
    rows('establishments/gias_register_2024-06-17.csv').map((r) => [Number(r.urn), r.local_authority_name!]),
  );
  const nameOf = new Map(
    (db.prepare('SELECT la_code, name FROM dated').all() as { la_code: string; name: string }[]).map((a) => [
      a.la_code,
      a.name,
    ]),
  );
  const topology = JSON.parse(
    readFileSync(join(DATA, 'council-areas/eng_council_areas_2011-2026.topojson'), 'utf8'),
  ) as Topology;
  const object = topology.objects.council_areas as GeometryCollection<{ la_code: string }>;
  const shapes = new Map(
    (
      feature(topology, object) as unknown as { features: Feature<Geometry, { la_code: string }>[] }
    ).features.map((f) => [f.properties.la_code, f]),
  );
  const insert = db.prepare('INSERT INTO placed VALUES (?, ?)');
  const replaced = db.prepare("SELECT la_code, successors FROM dated WHERE successors <> ''").all() as {
    la_code: string;
    successors: string;
  }[];
  for (const area of replaced) {
    const successors = area.successors.split(' ');
    const schools = db
      .prepare('SELECT urn, lat, lon FROM gias WHERE in_areas = 1 AND la_code = ?')
      .all(area.la_code) as {
      urn: number;
      lat: number | null;
      lon: number | null;
    }[];
    for (const e of schools) {
      const byRegister = successors.find((code) => nameOf.get(code) === registered.get(e.urn));
      if (successors.length === 1) insert.run(e.urn, successors[0]);
      else if (byRegister) insert.run(e.urn, byRegister);
      else if (e.lat !== null && e.lon !== null) {
        const inside = successors.filter((code) => geoContains(shapes.get(code)!, [e.lon!, e.lat!]));
        if (inside.length === 1) insert.run(e.urn, inside[0]);
      }
    }
  }
}

/** The 2013 districts' ONS codes a list's name stands for: a later name's districts, a district, or an area's all. */
function districtCodesOf(db: Database.Database, name: string): string[] {
  const key = nameKey(name);
  const composed = db.prepare('SELECT districts FROM compositions WHERE key = ?').pluck().get(key) as
    string | undefined;
  if (composed) return composed.split(';').flatMap((d) => districtCodesOf(db, d));
  const own = db.prepare('SELECT code FROM district_codes WHERE key = ?').pluck().get(key) as
    string | undefined;
  if (own) return [own];
  return db
    .prepare(
      'SELECT d.code FROM district_codes d JOIN names n ON n.la_code = d.la_code WHERE n.key = ? AND n.rank <= 2',
    )
    .pluck()
    .all(key) as string[];
}

/** Later areas a member serves: those holding its school (a school), or its districts (a hub). */
function serveLaterAreas(db: Database.Database): void {
  const later = db.prepare("SELECT la_code, districts FROM dated WHERE valid_from > '2011-04-01'").all() as {
    la_code: string;
    districts: string;
  }[];
  db.exec(`INSERT OR IGNORE INTO serves SELECT m.network, m.as_at, m.key, p.la_code FROM members m
    JOIN placed p ON p.urn = m.urn WHERE m.network = 'teaching-schools'`);
  const serve = db.prepare('INSERT OR IGNORE INTO serves VALUES (?, ?, ?, ?)');
  for (const [asAt, hubs] of hubDistricts) {
    for (const hub of hubs) {
      const codes = new Set(hub.districts.flatMap((d) => districtCodesOf(db, d)));
      for (const area of later) {
        if (area.districts.split(' ').some((c) => codes.has(c)))
          serve.run('hubs', asAt, hub.key, area.la_code);
      }
    }
  }
}

/**
 * The GIAS register of 17 June 2024: open is Open or 'Open, but proposed to close'; la_code the area in force on
 * its date with its council area's name (ignoring case and punctuation), else the area an alias names; null
 * outside England.
 */
function loadRegister(db: Database.Database): void {
  const onDate = new Map(
    (
      db
        .prepare(
          "SELECT la_code, name FROM dated WHERE valid_from <= '2024-06-17' AND valid_to >= '2024-06-17'",
        )
        .all() as { la_code: string; name: string }[]
    ).map((a) => [nameKey(a.name), a.la_code]),
  );
  const alias = db.prepare('SELECT la_code FROM names WHERE key = ? ORDER BY rank LIMIT 1').pluck();
  const insert = db.prepare('INSERT INTO register VALUES (?, ?, ?, ?)');
  for (const r of rows('establishments/gias_register_2024-06-17.csv')) {
    const key = nameKey(r.local_authority_name!);
    const code = onDate.get(key) ?? (alias.get(key) as string | undefined) ?? null;
    const open = r.status === 'Open' || r.status === 'Open, but proposed to close';
    insert.run(Number(r.urn), code, r.phase_of_education || null, open ? 1 : 0);
  }
}

const hubDistricts = new Map<string, { key: string; districts: string[] }[]>();

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
    hubDistricts.set(asAt, hubs);
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
    loadRegister(db);
    loadTeachingSchools(db);
    loadHubs(db);
    placeEstablishments(db);
    serveLaterAreas(db);
    loadPublished(db);
  })();
  return db;
}
