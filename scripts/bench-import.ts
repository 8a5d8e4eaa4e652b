// npm run bench:import [-- --rows N --runs N]: the import a user runs, timed against sqlite3's raw .import of the
// same file: `npm run import` (node scripts/run.mjs import, the compiled CLI, built beforehand) of a new GIAS
// list into a database built by db:build from the shipped data (networks and all, so the import also works out
// again every list's derived figures), on rows drawn from the shipped GIAS file under new URNs. Time and peak
// memory. Also the floor: the same import into a database of the council areas alone (no boundaries, lists or
// register), which has no figure derived from other data to work out again.
import { Command, InvalidArgumentError } from 'commander';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config.js';
import { checkpoint } from '../server/db/gateway.js';
import { openDatabase } from '../server/db/open.js';
import { importFile } from '../server/importer/import-file.js';
import { loadManifest } from '../server/importer/manifest.js';
import { writeShippedGiasFile } from './bench/shipped-gias.js';

/** A whole number of at least 1, or the option is refused (`--runs 0` printed NaN). */
function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`'${value}' is not a whole number of 1 or more`);
  return n;
}

const options = new Command('bench:import')
  .option('--rows <n>', 'rows to draw from the shipped GIAS file', count, 400_000)
  .option('--runs <n>', 'timed runs of each command (best is reported)', count, 3)
  .parse()
  .opts<{ rows: number; runs: number }>();

const dir = join(PROJECT_ROOT, '.bench');
mkdirSync(dir, { recursive: true });
const csv = join(dir, `shipped-gias-${options.rows}.csv`);
const base = join(dir, 'registry.sqlite');
const target = join(dir, 'import.sqlite');
const raw = join(dir, 'raw.sqlite');
const floor = join(dir, 'floor.sqlite');
const RUN = join(PROJECT_ROOT, 'scripts/run.mjs');

function clean(path: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

writeShippedGiasFile(csv, options.rows);
// Built before timing, as it is after any first run: no timed run builds.
spawnSync(process.execPath, [RUN, '--build'], { stdio: 'inherit' });
// The database `npm start` builds from data/: built once by db:build, copied before each run (not timed).
clean(base);
const built = spawnSync(process.execPath, [RUN, 'db-build', '--db', base], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(`db:build failed: ${built.stdout}${built.stderr}`);

/** The floor's database: the manifest's council-area files imported into a new one. */
function buildFloor(path: string): void {
  clean(path);
  const db = openDatabase(path, { create: true });
  try {
    const dataDir = join(PROJECT_ROOT, 'data');
    for (const entry of loadManifest(dataDir).filter((e) => e.kind === 'council-areas')) {
      const bytes = readFileSync(join(dataDir, entry.path));
      const request = { kind: entry.kind, bytes, fileName: entry.path, asAt: null, keepVersions: false };
      const report = importFile(db, request);
      if (report.status !== 'committed') throw new Error(`the floor's database: ${report.message}`);
    }
    checkpoint(db);
  } finally {
    db.close();
  }
}
buildFloor(floor);

const haveTime = existsSync('/usr/bin/time');
interface Run {
  seconds: number;
  /** User and system CPU seconds: less moved than the wall time by other work on a shared machine. */
  cpuSeconds: number | null;
  maxRssMb: number | null;
}
function timed(command: string, args: string[]): Run {
  const started = performance.now();
  const result = haveTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stdout}${result.stderr}`);
  const [kb, user, system] = haveTime
    ? (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number)
    : [];
  return {
    seconds,
    cpuSeconds: user !== undefined && system !== undefined ? user + system : null,
    maxRssMb: kb !== undefined && Number.isFinite(kb) ? kb / 1024 : null,
  };
}

const sqlite3 = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
if (sqlite3.status !== 0) {
  console.error('bench:import needs the sqlite3 CLI (apt-get install -y sqlite3)');
  process.exit(1);
}

const IMPORT = [
  RUN,
  'import',
  '--kind',
  'establishments',
  '--file',
  csv,
  '--db',
  target,
  // After the shipped list's date (2018-03-12): an older list is refused.
  '--as-at',
  '2019-03-12',
  '--json',
];
const ours: Run[] = [];
const floors: Run[] = [];
const theirs: Run[] = [];
for (let run = 0; run < options.runs; run++) {
  clean(raw);
  theirs.push(timed('sqlite3', [raw, '.mode csv', `.import ${csv} establishments`]));
  clean(target);
  copyFileSync(base, target);
  ours.push(timed(process.execPath, IMPORT));
  clean(target);
  copyFileSync(floor, target);
  floors.push(timed(process.execPath, IMPORT));
}
const best = (runs: Run[]) => Math.min(...runs.map((r) => r.seconds));
const bestCpu = (runs: Run[]) => Math.min(...runs.map((r) => r.cpuSeconds ?? NaN));
const peak = (runs: Run[]) => Math.max(...runs.map((r) => r.maxRssMb ?? 0));
const t = best(theirs);
const size = (statSync(csv).size / 1e6).toFixed(1);
const secs = (runs: Run[]) => runs.map((r) => r.seconds.toFixed(2)).join(', ');
console.log(
  `bench:import: ${options.rows.toLocaleString('en-GB')} shipped GIAS rows under new URNs (${size} MB), ` +
    `into a database built by db:build, best of ${options.runs}`,
);
const line = (name: string, runs: Run[]) =>
  console.log(
    `${name.padEnd(58)} ${best(runs).toFixed(2).padStart(7)}  ${bestCpu(runs).toFixed(2).padStart(6)}  ` +
      `${`${peak(runs).toFixed(0)} MB`.padStart(9)}  ${secs(runs)}`,
  );
console.log(
  `${'command'.padEnd(58)} ${'best s'.padStart(7)}  ${'CPU s'.padStart(6)}  ${'peak RSS'.padStart(9)}  runs`,
);
line('sqlite3 .import (no validation)', theirs);
line('node scripts/run.mjs import (= npm run import, validated)', ours);
line('  the same into the council areas alone (the floor)', floors);
// Each run of ours follows one of sqlite3's: on a shared machine the ratio within a pair varies less than
// either time, and its median is not moved by one lucky run the way the ratio of the two bests is.
function ratios(runs: Run[]): string {
  const pairs = runs.map((run, i) => run.seconds / theirs[i]!.seconds).sort((a, b) => a - b);
  const middle = pairs.length >> 1;
  const median = pairs.length % 2 ? pairs[middle]! : (pairs[middle - 1]! + pairs[middle]!) / 2;
  return (
    `${(best(runs) / t).toFixed(2)}x of the bests, ${median.toFixed(2)}x the median of the ${pairs.length} ` +
    `pairs, ${(bestCpu(runs) / bestCpu(theirs)).toFixed(2)}x in CPU time`
  );
}
console.log(`ratio: ${ratios(ours)} (target <= 1.5x, peak memory < 300 MB)`);
console.log(`the floor: ${ratios(floors)}`);
console.log('(a shared machine gives noisy figures: re-run on a quiet one before comparing)');
