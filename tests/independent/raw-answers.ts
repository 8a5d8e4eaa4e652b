// The answers the API gives, recomputed in plain SQL over the raw registry (raw-registry.ts).
import type Database from 'better-sqlite3';
import { areasOn } from './raw-registry.js';

/** The last day a published date stands for: a month's last day, a year's 31 December. */
const LAST_DAY = (column: string) =>
  `CASE length(${column}) WHEN 7 THEN date(${column} || '-01', '+1 month', '-1 day')
     WHEN 4 THEN ${column} || '-12-31' ELSE ${column} END`;

export type InForce = { list: string } | { none: 'none-imported' | 'before-first' | 'ended'; ended?: string };

/** The list in force on a date: the latest on or before it, unless the network had ended by then. */
export function inForce(db: Database.Database, network: string, asAt: string): InForce {
  const ended = db
    .prepare(`SELECT ${LAST_DAY('date')} FROM periods WHERE network = ? AND boundary = 'end'`)
    .pluck()
    .get(network) as string | undefined;
  const any = db.prepare('SELECT count(*) FROM lists WHERE network = ?').pluck().get(network) as number;
  if (any === 0) return { none: 'none-imported' };
  if (ended && asAt > ended) return { none: 'ended', ended };
  const list = db
    .prepare('SELECT max(as_at) FROM lists WHERE network = ? AND as_at <= ?')
    .pluck()
    .get(network, asAt) as string | null;
  return list ? { list } : { none: 'before-first' };
}

export interface AreaFigures {
  la_code: string;
  members: number;
  groups: number | null;
  schools: number;
  /** null on a register day: the register gives no pupils. */
  pupils: number | null;
  schools_beyond_km: number | null;
}

/** Each establishment in each area of every date it lies in: its own of 2011-2018, and those it is placed in. */
const IN_AREA_2018 = `(SELECT urn, la_code, in_areas, pupils, lat, lon FROM gias
  UNION ALL SELECT g.urn, p.la_code, g.in_areas, g.pupils, g.lat, g.lon FROM placed p JOIN gias g ON g.urn = p.urn)`;

/** Whether a day is nearer the GIAS register of 17 June 2024 than the extract of 12 March 2018. */
export function registerDay(day: string): boolean {
  const at = (d: string) => Date.parse(`${d}T00:00:00Z`);
  return at(day) - at('2018-03-12') > at('2024-06-17') - at(day);
}

/**
 * The establishments a figure about a day counts, as table `est` (urn, la_code, in_areas, pupils, lat, lon): the
 * 2018 extract's in the areas of every date; on a register day, the register's open ones in the area of 2024 its
 * council area names, or the area of the day that area came from, with no pupils and their 2018 location.
 */
function establishmentsOn(db: Database.Database, day: string): void {
  db.exec('DROP TABLE IF EXISTS est');
  if (!registerDay(day)) {
    db.exec(`CREATE TEMP TABLE est AS SELECT * FROM ${IN_AREA_2018}`);
    return;
  }
  db.prepare(
    `CREATE TEMP TABLE est AS SELECT r.urn,
       CASE WHEN EXISTS (SELECT 1 FROM dated d WHERE d.la_code = r.la_code AND d.valid_from <= @day
           AND d.valid_to >= @day) THEN r.la_code
         ELSE (SELECT d.la_code FROM dated d WHERE d.valid_from <= @day AND d.valid_to >= @day
           AND (' ' || d.successors || ' ') LIKE ('% ' || r.la_code || ' %')) END AS la_code,
       1 AS in_areas, NULL AS pupils, g.lat, g.lon
     FROM register r LEFT JOIN gias g ON g.urn = r.urn WHERE r.open = 1 AND r.la_code IS NOT NULL`,
  ).run({ day });
}
const IN_AREA = 'est';

/**
 * Per council area in force on the day: members serving it, their groups, its establishments and pupils, and those
 * beyond 15 km.
 */
export function areaFigures(
  db: Database.Database,
  network: string,
  list: string,
  grouped: boolean,
  located: boolean,
  day: string = list,
): AreaFigures[] {
  const codes = new Set(areasOn(db, day));
  establishmentsOn(db, day);
  const pupilsKnown = !registerDay(day);
  db.exec('DROP TABLE IF EXISTS here; DROP TABLE IF EXISTS located');
  db.prepare(
    `CREATE TEMP TABLE here AS SELECT s.key, s.la_code, m.grp, m.urn FROM serves s
     JOIN members m ON m.network = s.network AND m.as_at = s.as_at AND m.key = s.key
     WHERE s.network = ? AND s.as_at = ?`,
  ).run(network, list);
  db.prepare(
    `CREATE TEMP TABLE located AS SELECT g.lat, g.lon FROM members m JOIN gias g ON g.urn = m.urn
     WHERE m.network = ? AND m.as_at = ? AND g.lat IS NOT NULL`,
  ).run(network, list);
  db.exec('CREATE INDEX temp.located_lat ON located (lat)');
  return db
    .prepare(
      `SELECT a.la_code,
         (SELECT count(DISTINCT key) FROM here WHERE la_code = a.la_code) AS members,
         (SELECT count(DISTINCT grp) FROM here WHERE la_code = a.la_code) AS groups,
         (SELECT count(*) FROM ${IN_AREA} WHERE in_areas = 1 AND la_code = a.la_code) AS schools,
         (SELECT coalesce(sum(pupils), 0) FROM ${IN_AREA} WHERE in_areas = 1 AND la_code = a.la_code) AS pupils,
         (SELECT count(*) FROM ${IN_AREA} g WHERE g.in_areas = 1 AND g.la_code = a.la_code AND g.lat IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM located l WHERE l.lat BETWEEN g.lat - 0.15 AND g.lat + 0.15
              AND l.lon BETWEEN g.lon - 0.3 AND g.lon + 0.3 AND km(g.lat, g.lon, l.lat, l.lon) <= 15)) AS beyond
       FROM dated a ORDER BY a.la_code`,
    )
    .all()
    .filter((r) => codes.has((r as { la_code: string }).la_code))
    .map((r) => {
      const row = r as {
        la_code: string;
        members: number;
        groups: number;
        schools: number;
        pupils: number;
        beyond: number;
      };
      return {
        la_code: row.la_code,
        members: row.members,
        groups: grouped ? row.groups : null,
        schools: row.schools,
        pupils: pupilsKnown ? row.pupils : null,
        schools_beyond_km: located ? row.beyond : null,
      };
    });
}

export interface Headline {
  members: number;
  groups: number | null;
  council_areas_covered: number;
  schools_total: number;
  pupils_in_member_schools: number | null;
  member_schools_with_pupils: number;
  published_total: { date: string; total: number; qualifier: string } | null;
}

/** The summary's headline figures on a date from the list in force; the latest published total by then. */
export function headline(
  db: Database.Database,
  network: string,
  list: string,
  asAt: string,
  schools: boolean,
): Headline {
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const m = one<{ members: number; groups: number; pupils: number | null; with_pupils: number }>(
    `SELECT count(*) AS members, count(DISTINCT m.grp) AS groups, sum(g.pupils) AS pupils, count(g.pupils) AS with_pupils
     FROM members m LEFT JOIN gias g ON g.urn = m.urn WHERE m.network = ? AND m.as_at = ?`,
    network,
    list,
  );
  const codes = JSON.stringify(areasOn(db, asAt));
  establishmentsOn(db, asAt);
  const covered = one<{ n: number }>(
    `SELECT count(DISTINCT la_code) AS n FROM serves WHERE network = ? AND as_at = ?
     AND la_code IN (SELECT value FROM json_each(?))`,
    network,
    list,
    codes,
  );
  const total = one<{ n: number }>(
    `SELECT count(*) AS n FROM ${IN_AREA} WHERE in_areas = 1 AND la_code IN (SELECT value FROM json_each(?))`,
    codes,
  );
  const published = one<{ date: string; total: number; qualifier: string } | undefined>(
    `SELECT date, value AS total, qualifier FROM published
     WHERE network = ? AND ${LAST_DAY('date')} <= ? ORDER BY ${LAST_DAY('date')} DESC LIMIT 1`,
    network,
    asAt,
  );
  return {
    members: m.members,
    groups: schools && network === 'teaching-schools' ? m.groups : null,
    council_areas_covered: covered.n,
    schools_total: total.n,
    pupils_in_member_schools: schools && !registerDay(asAt) ? m.pupils : null,
    member_schools_with_pupils: schools && !registerDay(asAt) ? m.with_pupils : 0,
    published_total: published ?? null,
  };
}
