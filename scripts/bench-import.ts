// npm run bench:import [-- --rows N --runs N]: the import command as `npm run import` runs it (node
// scripts/run.mjs import: the compiled CLI, built beforehand) against sqlite3's raw .import of the same
// GIAS-format file, time and peak memory.
import { Command, InvalidArgumentError } from 'commander';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config.js';
import { checkpoint } from '../server/db/gateway.js';
import { openDatabase } from '../server/db/open.js';
import { importFile } from '../server/importer/import-file.js';
import { writeGiasFile } from './bench/gias-generator.js';

/** A whole number of at least 1, or the option is refused (`--runs 0` printed NaN). */
function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`'${value}' is not a whole number of 1 or more`);
  return n;
}

const options = new Command('bench:import')
  .option('--rows <n>', 'rows to generate', count, 400_000)
  .option('--runs <n>', 'timed runs of each command (best is reported)', count, 3)
  .parse()
  .opts<{ rows: number; runs: number }>();

const dir = join(PROJECT_ROOT, '.bench');
mkdirSync(dir, { recursive: true });
const csv = join(dir, `gias-${options.rows}.csv`);
const base = join(dir, 'areas.sqlite');
const target = join(dir, 'import.sqlite');
const raw = join(dir, 'raw.sqlite');

function clean(path: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

if (!existsSync(csv)) writeGiasFile(csv, options.rows, 42);
// The importer needs the council areas to validate against: built once, copied before each run (not timed).
clean(base);
const seed = openDatabase(base, { create: true });
const areas = 'upper_tier_las_152_2011-2018.csv';
importFile(seed, {
  kind: 'council-areas',
  bytes: readFileSync(join(PROJECT_ROOT, 'data/council-areas', areas)),
  fileName: areas,
});
checkpoint(seed);
seed.close();

const haveTime = existsSync('/usr/bin/time');
function timed(command: string, args: string[]): { seconds: number; maxRssMb: number | null } {
  const started = performance.now();
  const result = haveTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const kb = haveTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { seconds, maxRssMb: Number.isFinite(kb) ? kb / 1024 : null };
}

const sqlite3 = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
if (sqlite3.status !== 0) {
  console.error('bench:import needs the sqlite3 CLI (apt-get install -y sqlite3)');
  process.exit(1);
}

// Built once before timing, as it is after any first run: no run below builds.
spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/run.mjs'), '--build'], { stdio: 'inherit' });
const ours: { seconds: number; maxRssMb: number | null }[] = [];
const theirs: { seconds: number; maxRssMb: number | null }[] = [];
for (let run = 0; run < options.runs; run++) {
  clean(raw);
  theirs.push(timed('sqlite3', [raw, '.mode csv', `.import ${csv} establishments`]));
  clean(target);
  copyFileSync(base, target);
  ours.push(
    timed(process.execPath, [
      join(PROJECT_ROOT, 'scripts/run.mjs'),
      'import',
      '--kind',
      'establishments',
      '--file',
      csv,
      '--db',
      target,
      '--as-at',
      '2018-03-12',
      '--json',
    ]),
  );
}
const best = (runs: { seconds: number }[]) => Math.min(...runs.map((r) => r.seconds));
const peak = (runs: { maxRssMb: number | null }[]) => Math.max(...runs.map((r) => r.maxRssMb ?? 0));
const [o, t] = [best(ours), best(theirs)];
const size = (statSync(csv).size / 1e6).toFixed(1);
const secs = (runs: { seconds: number }[]) => runs.map((r) => r.seconds.toFixed(2)).join(', ');
console.log(
  `bench:import: ${options.rows.toLocaleString('en-GB')} GIAS-format rows (${size} MB), best of ${options.runs}`,
);
console.log(`${'command'.padEnd(58)} ${'best s'.padStart(7)}  ${'peak RSS'.padStart(9)}  runs`);
console.log(
  `${'sqlite3 .import (no validation)'.padEnd(58)} ${t.toFixed(2).padStart(7)}  ${`${peak(theirs).toFixed(0)} MB`.padStart(9)}  ${secs(theirs)}`,
);
console.log(
  `${'node scripts/run.mjs import (= npm run import, validated)'.padEnd(58)} ${o.toFixed(2).padStart(7)}  ${`${peak(ours).toFixed(0)} MB`.padStart(9)}  ${secs(ours)}`,
);
// Each run of ours follows one of sqlite3's: on a shared machine the ratio within a pair varies less than
// either time, and its median is not moved by one lucky run the way the ratio of the two bests is.
const ratios = ours.map((run, i) => run.seconds / theirs[i]!.seconds).sort((a, b) => a - b);
const middle = ratios.length >> 1;
const median = ratios.length % 2 ? ratios[middle]! : (ratios[middle - 1]! + ratios[middle]!) / 2;
console.log(
  `ratio: ${(o / t).toFixed(2)}x of the bests, ${median.toFixed(2)}x the median of the ${ratios.length} pairs ` +
    '(target <= 1.5x, peak memory < 300 MB)',
);
console.log('(a shared machine gives noisy figures: re-run on a quiet one before comparing)');
