// npm run bench:cold [-- --scale N --check]: the first answer of every read route, for parameter values never
// asked before, on a fresh server over the shipped data and over a generated registry N times larger.
import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/paths.js';
import { openDatabase } from '../server/db/open.js';
import { readRoutes } from '../server/answers/routes/index.js';
import { dataVersion, versionToken } from '../server/db/queries/data-version.js';
import { importFile } from '../server/importer/import-file.js';
import { importRegistry } from './bench/registry-generator.js';
import { BENCH_DIR, buildShippedDatabase, serveDatabase } from './bench/shipped-server.js';

const options = new Command('bench:cold')
  .option('--scale <n>', 'how many times larger the generated registry is', (v) => Number(v), 10)
  .option('--reuse', 'serve the generated registry left in .bench/ by an earlier run, if there is one')
  .option('--check', 'exit 1 unless every first answer takes under 50 ms (shipped) and 200 ms (generated)')
  .option('--profile <dir>', "write each server's CPU profile (node --cpu-prof) into DIR when it stops")
  .parse()
  .opts<{ scale: number; reuse?: boolean; check?: boolean; profile?: string }>();

const TARGET_MS = { shipped: 50, generated: 200 };
const TS = 'network=teaching-schools';

// Every read route, each with parameter values that no earlier request in the run asked for.
const URLS = [
  '/healthz',
  '/api/v1/networks',
  '/api/v1/networks?as_at=2019-01-01',
  `/api/v1/summary?${TS}`,
  '/api/v1/summary?network=hubs',
  `/api/v1/summary?${TS}&region=London&phase=Primary`,
  `/api/v1/coverage?${TS}`,
  `/api/v1/coverage?${TS}&radius_km=7.5`,
  `/api/v1/coverage?${TS}&radius_km=42&phase=Secondary`,
  '/api/v1/coverage?network=hubs&radius_km=3',
  `/api/v1/gaps?${TS}`,
  `/api/v1/gaps?${TS}&radius_km=11`,
  `/api/v1/gaps?${TS}&phase=Primary&radius_km=5`,
  '/api/v1/gaps?network=hubs',
  '/api/v1/gaps?network=hubs&radius_km=25',
  `/api/v1/progress?${TS}`,
  '/api/v1/progress?network=hubs',
  `/api/v1/council-areas?${TS}`,
  '/api/v1/council-areas?network=hubs&region=North%20West',
  `/api/v1/council-areas/908?${TS}`,
  '/api/v1/council-areas/908?network=hubs',
  `/api/v1/council-areas/921?${TS}&radius_km=20`,
  '/api/v1/council-areas/202?network=hubs&radius_km=9',
  `/api/v1/members?${TS}`,
  `/api/v1/members?${TS}&region=London&limit=20`,
  '/api/v1/members?network=hubs&offset=25&limit=25',
  `/api/v1/groups?${TS}`,
  `/api/v1/groups?${TS}&q=alliance`,
  `/api/v1/schools-beyond?${TS}`,
  `/api/v1/schools-beyond?${TS}&radius_km=4&la_code=908&phase=Primary`,
  '/api/v1/search?q=st',
  '/api/v1/search?q=manchester&network=hubs',
  '/api/v1/snapshots',
  `/api/v1/snapshots/diff?${TS}&from=2018-03-12&to=2019-01-01`,
  '/api/v1/boundaries',
  '/api/v1/boundaries?level=regions',
  '/api/v1/boundaries?detail=map',
  '/api/v1/boundaries?level=regions&detail=map',
  '/api/v1/imports',
  '/api/v1/sources',
  '/api/v1/imports/1',
  '/api/openapi.json',
  '/api/docs',
  '/api/oembed?url={base}%2F%3Fview%3Dmap%26network%3Dhubs',
  '/api/v1/version',
  '/api/v1/versions',
];

// Reads naming the data version an import has since replaced: answered from its kept copy (issue 28), the first
// opening the copy.
const OLD_VERSION_URLS = [
  `/api/v1/summary?${TS}`,
  '/api/v1/coverage?network=hubs&radius_km=3',
  `/api/v1/council-areas/908?${TS}`,
  '/api/v1/gaps?network=hubs',
  `/api/v1/progress?${TS}&as_at=2019-01-01`,
];

const routeOf = (url: string) => {
  const path = url.split('?')[0]!;
  return (
    readRoutes().find((r) => new RegExp(`^${r.path.replace(/:[a-z_]+/g, '[^/]+')}$`).test(path))?.path ?? path
  );
};

// A route the list above forgets would go unmeasured: say so rather than print a table that looks complete.
const missing = readRoutes()
  .map((r) => r.path)
  .filter((path) => !URLS.some((url) => routeOf(url) === path));

interface Timed {
  ms: number;
  status: number;
  /** The server's main thread's time on a CPU meanwhile: what the answer cost, less what a busy machine adds. */
  cpuMs: number;
}

/** Time the main thread of process `pid` has run, in ms (Linux: /proc/PID/schedstat, in ns); NaN elsewhere. */
function cpuTime(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

let serverPid = 0;

async function timedGet(base: string, url: string): Promise<Timed> {
  const cpuBefore = cpuTime(serverPid);
  const started = performance.now();
  // {base}: the server's own address, for a parameter that must name a page of this server.
  const res = await fetch(base + url.replace('{base}', encodeURIComponent(base)), {
    headers: { 'accept-encoding': 'gzip' },
  });
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status, cpuMs: cpuTime(serverPid) - cpuBefore };
}

const BUSY = 150;

interface Busy {
  /** /healthz, asked again and again (10 ms apart) while the server makes the area profiles: median and slowest. */
  median: number;
  slowest: number;
  asked: number;
  all: number;
}

/**
 * BUSY area profiles, none made yet, sent at once; meanwhile /healthz is asked one after another until they are
 * all answered: how long it takes while the server makes them, and how long they all take.
 */
async function healthWhileBusy(base: string): Promise<Busy> {
  const started = performance.now();
  const codes = ['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213'];
  let done = false;
  const slow = Promise.all(
    Array.from({ length: BUSY }, (_, i) =>
      timedGet(base, `/api/v1/council-areas/${codes[i % codes.length]}?radius_km=${100 + i * 0.5}`),
    ),
  ).finally(() => (done = true));
  const health: number[] = [];
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    health.push((await timedGet(base, '/healthz')).ms);
  }
  await slow;
  health.sort((a, b) => a - b);
  return {
    median: health[Math.floor(health.length / 2)] ?? NaN,
    slowest: health.at(-1) ?? NaN,
    asked: health.length,
    all: performance.now() - started,
  };
}

/** Each URL once, in order, on a server just started over dbPath; then each again (answered from the cache). */
async function firstAnswers(dbPath: string): Promise<{ first: Timed[]; again: Timed[]; busy: Busy }> {
  const server = await serveDatabase(dbPath, { profileDir: options.profile });
  serverPid = server.pid;
  const base = `http://127.0.0.1:${server.port}`;
  try {
    // One request first, not counted: the server's code runs once, as on any server that has answered anything.
    await timedGet(base, '/api/v1/unknown-route');
    const first: Timed[] = [];
    for (const url of URLS) first.push(await timedGet(base, url));
    const again: Timed[] = [];
    for (const url of URLS) again.push(await timedGet(base, url));
    return { first, again, busy: await healthWhileBusy(base) };
  } finally {
    server.stop();
  }
}

/**
 * Imports the shipped hub list again as at a later date (the import keeps the version it replaces), then asks a
 * fresh server the OLD_VERSION_URLS on the version before.
 */
async function oldVersionAnswers(dbPath: string): Promise<Timed[]> {
  const db = openDatabase(dbPath);
  let old: string;
  try {
    old = versionToken(dataVersion(db));
    const file = 'hubs/teaching_school_hubs_2025-09-30.csv';
    const bytes = readFileSync(join(PROJECT_ROOT, 'data', file));
    const report = importFile(db, { kind: 'hubs', bytes, fileName: file, asAt: '2025-10-01' });
    if (report.status !== 'committed') throw new Error(`the import to replace a version: ${report.message}`);
  } finally {
    db.close();
  }
  const server = await serveDatabase(dbPath);
  serverPid = server.pid;
  const base = `http://127.0.0.1:${server.port}`;
  try {
    await timedGet(base, '/api/v1/unknown-route');
    const timed: Timed[] = [];
    for (const url of OLD_VERSION_URLS) timed.push(await timedGet(base, `${url}&v=${old}`));
    return timed;
  } finally {
    server.stop();
  }
}

const counts = (dbPath: string) => {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).pluck().get() as number).toLocaleString('en-GB');
    return `${n('SELECT count(*) FROM establishments')} establishments, ${n('SELECT count(*) FROM snapshot_members')} listed members`;
  } finally {
    db.close();
  }
};

const shipped = buildShippedDatabase('cold-shipped');
const started = performance.now();
const generatedPath = join(BENCH_DIR, `cold-x${options.scale}.sqlite`);
const reused = options.reuse === true && existsSync(generatedPath);
if (!reused) {
  const generated = openDatabase(buildShippedDatabase(`cold-x${options.scale}`));
  importRegistry(generated, BENCH_DIR, options.scale);
  generated.close();
}
const generated = generatedPath;
const buildSeconds = (performance.now() - started) / 1000;

const a = await firstAnswers(shipped);
const b = await firstAnswers(generated);
const old = await oldVersionAnswers(shipped);
const num = (ms: number) => (Number.isNaN(ms) ? '-' : ms.toFixed(ms < 10 ? 1 : 0));
const fmt = (t: Timed) => `${num(t.ms)}${t.status === 200 ? '' : ` (${t.status})`}`;

console.log(
  `bench:cold: first answers on a fresh server (own process, Node ${process.version}), gzip, one at a time`,
);
console.log(`  shipped:   ${counts(shipped)}`);
console.log(
  `  generated: ${counts(generated)} (x${options.scale}; ${reused ? 'from an earlier run' : `built and imported in ${buildSeconds.toFixed(1)} s`})`,
);
console.log(
  '\n' + 'request'.padEnd(66),
  'shipped'.padStart(8),
  'cpu'.padStart(5),
  'again'.padStart(6),
  `x${options.scale}`.padStart(8),
  'cpu'.padStart(5),
  'again'.padStart(6),
  '  (ms; cpu: the server thread\u2019s CPU time for the first answer)',
);
URLS.forEach((url, i) =>
  console.log(
    url.padEnd(66),
    fmt(a.first[i]!).padStart(8),
    num(a.first[i]!.cpuMs).padStart(5),
    fmt(a.again[i]!).padStart(6),
    fmt(b.first[i]!).padStart(8),
    num(b.first[i]!.cpuMs).padStart(5),
    fmt(b.again[i]!).padStart(6),
  ),
);
const worst = (list: Timed[], by: 'ms' | 'cpuMs' = 'ms') => list.reduce((w, t) => (t[by] > w[by] ? t : w));
const sum = (list: Timed[]) => list.reduce((s, t) => s + t.ms, 0);
const [wa, wb] = [worst(a.first), worst(b.first)];
console.log(
  `\nslowest first answer: shipped ${fmt(wa)} ms (${URLS[a.first.indexOf(wa)]}), ` +
    `x${options.scale} ${fmt(wb)} ms (${URLS[b.first.indexOf(wb)]})`,
);
const [ca, cb] = [worst(a.first, 'cpuMs'), worst(b.first, 'cpuMs')];
console.log(
  `most CPU for a first answer: shipped ${num(ca.cpuMs)} ms (${URLS[a.first.indexOf(ca)]}), ` +
    `x${options.scale} ${num(cb.cpuMs)} ms (${URLS[b.first.indexOf(cb)]})`,
);
console.log(
  `all ${URLS.length} first answers: shipped ${sum(a.first).toFixed(0)} ms, x${options.scale} ${sum(b.first).toFixed(0)} ms`,
);
for (const [name, run] of [
  ['shipped', a],
  [`x${options.scale}`, b],
] as const) {
  console.log(
    `/healthz while ${BUSY} area profiles not yet made are asked at once (${name}): median ` +
      `${num(run.busy.median)} ms, slowest ${num(run.busy.slowest)} ms of ${run.busy.asked} asked; ` +
      `all ${BUSY} answered in ${run.busy.all.toFixed(0)} ms`,
  );
}
console.log('\nfirst answers on the version before an import (kept copy), shipped:');
OLD_VERSION_URLS.forEach((url, i) =>
  console.log(`${url}&v=<old>`.padEnd(66), fmt(old[i]!).padStart(8), num(old[i]!.cpuMs).padStart(5)),
);
const wo = worst(old);
if (missing.length > 0) console.log(`NOT measured (no URL above): ${missing.join(', ')}`);
const errors = [...a.first, ...b.first].filter((t) => t.status >= 500).length;
const checks: [string, boolean][] = [
  [`every first answer under ${TARGET_MS.shipped} ms on the shipped data`, wa.ms < TARGET_MS.shipped],
  [`every first answer under ${TARGET_MS.generated} ms on x${options.scale}`, wb.ms < TARGET_MS.generated],
  [
    `/healthz under ${TARGET_MS.shipped} ms while area profiles are made (slowest of those asked)`,
    a.busy.slowest < TARGET_MS.shipped && b.busy.slowest < TARGET_MS.shipped,
  ],
  [
    `every first answer on an old version under ${TARGET_MS.shipped} ms (shipped; slowest ${fmt(wo)} ms)`,
    wo.ms < TARGET_MS.shipped && old.every((t) => t.status === 200),
  ],
  ['no 5xx', errors === 0],
  ['every read route measured', missing.length === 0],
];
for (const [what, ok] of checks) console.log(`${ok ? 'met    ' : 'NOT met'}  ${what}`);
console.log('(a shared machine gives noisy figures: re-run on a quiet one before comparing)');
if (options.check && !checks.every(([, ok]) => ok)) process.exitCode = 1;
