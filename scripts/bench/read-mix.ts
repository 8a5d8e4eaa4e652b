// The read mix of the load benches (bench:load, bench:edge): 16 hot requests, and between them a long tail of
// requests never asked before, as on the day a map is shared and every reader opens a different area.
import Database from 'better-sqlite3';
import { random } from './gias-generator.js';

export const TS = 'network=teaching-schools';

/** The hot requests: what every reader of the overview, map and registry asks. */
export const HOT_PATHS = [
  `/api/v1/summary?${TS}&as_at=2018-03-12`,
  `/api/v1/summary?${TS}&as_at=2019-09-01`,
  `/api/v1/summary?${TS}&as_at=2018-03-12&region=London`,
  `/api/v1/summary?network=hubs`,
  `/api/v1/summary?network=hubs&region=North%20West&phase=Secondary`,
  `/api/v1/coverage?${TS}&as_at=2018-03-12`,
  `/api/v1/coverage?${TS}&as_at=2020-06-30&region=E12000007`,
  `/api/v1/coverage?network=hubs&region=South%20East`,
  `/api/v1/progress?${TS}`,
  `/api/v1/progress?network=hubs`,
  `/api/v1/gaps?${TS}&as_at=2018-03-12`,
  `/api/v1/gaps?network=hubs&region=Yorkshire%20and%20The%20Humber`,
  `/api/v1/members?${TS}&as_at=2018-03-12`,
  `/api/v1/members?${TS}&as_at=2018-03-12&region=London&limit=20`,
  `/api/v1/members?network=hubs&offset=25&limit=25`,
  `/api/v1/boundaries`,
];

/** A request's route, for latencies per route. */
export const routeOf = (path: string): string => {
  const bare = path.slice(0, path.indexOf('?') === -1 ? undefined : path.indexOf('?'));
  return bare.replace(/^\/api\/v1\/council-areas\/[^/]+$/, '/api/v1/council-areas/:la_code');
};

// Dates on which the shipped teaching-schools list is in force: from its date to the network's end (31 August
// 2021, data/reference/network_periods.csv); a later date is answered 404, which is not what the benches ask.
const DAY = 86_400_000;
const TS_FIRST = Date.UTC(2018, 2, 12);
const TS_LAST = Date.UTC(2021, 7, 31);

/**
 * The long tail: every area profile of each network with a list, 100 radii, 200 searches and 100 dates, none
 * asked before, shuffled (seeded) and laid between the hot requests so that half the requests are hot.
 */
export function withLongTail(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  const pluck = (sql: string) => db.prepare(sql).pluck().all() as string[];
  const codes = pluck('SELECT la_code FROM council_areas ORDER BY la_code');
  const networks = pluck('SELECT DISTINCT network_id FROM snapshots ORDER BY 1');
  const words = pluck(
    `SELECT DISTINCT lower(substr(name, 1, 4)) FROM (SELECT name FROM council_areas UNION ALL
       SELECT name FROM snapshot_members) WHERE name GLOB '[A-Za-z][a-z][a-z][a-z]*' ORDER BY 1 LIMIT 200`,
  );
  db.close();
  const next = random(20260101);
  const tail: string[] = [];
  for (const network of networks)
    for (const code of codes) tail.push(`/api/v1/council-areas/${code}?network=${network}`);
  for (let i = 0; i < 100; i++) {
    const radius = 1 + i * 0.5;
    tail.push(`/api/v1/${i % 2 ? 'gaps' : 'coverage'}?${TS}&radius_km=${radius}`);
  }
  for (const word of words) tail.push(`/api/v1/search?q=${encodeURIComponent(word)}`);
  for (let i = 0; i < 100; i++) {
    const day = new Date(TS_FIRST + Math.floor(next() * ((TS_LAST - TS_FIRST) / DAY + 1)) * DAY)
      .toISOString()
      .slice(0, 10);
    tail.push(`/api/v1/${i % 2 ? 'summary' : 'coverage'}?${TS}&as_at=${day}`);
  }
  for (let i = tail.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [tail[i], tail[j]] = [tail[j]!, tail[i]!];
  }
  return tail.flatMap((path, i) => [HOT_PATHS[i % HOT_PATHS.length]!, path]);
}

/** A request pinned to the data version `v`, last in the URL as the dashboard writes it. */
export const pinned = (path: string, v: string): string =>
  `${path}${path.includes('?') ? '&' : '?'}v=${encodeURIComponent(v)}`;
