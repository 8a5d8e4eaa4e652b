// npm start, npm run import, db:build, db:info, db:prune, db:backup (and the benches' server): runs the compiled CLI in dist/scripts, building it with
// esbuild first only when a source is newer than the last build (not on every run). Plain JavaScript, so that
// nothing compiles TypeScript on the way in.
//   node scripts/run.mjs NAME [args...]   run dist/scripts/NAME.js (building it when stale)
//   node scripts/run.mjs --build          build now
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/scripts');
const STAMP = join(OUT, '.built');
const ENTRIES = [
  'scripts/start.ts',
  'scripts/import.ts',
  'scripts/db-build.ts',
  'scripts/db-info.ts',
  'scripts/db-prune.ts',
  'scripts/db-backup.ts',
  // The benches' server: startServer as npm start runs it, compiled, on any database (no build, no dashboard).
  'scripts/bench/serve-api.ts',
  // Thread entries, started by URL beside the bundle that starts them (server/threads.ts).
  'server/importer/validate-worker.ts',
  'server/imports/import-thread.ts',
];
const SOURCES = ['server', 'scripts', 'common'];

/** The newest modification time of any source the bundles are made from. */
function newestSource() {
  let newest = statSync(join(ROOT, 'package-lock.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|sql)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCES) walk(join(ROOT, dir));
  return newest;
}

// The import command and its validating thread carry their packages in their bundles: resolving and loading
// them from node_modules took some 50 ms of each start, before any row was read. better-sqlite3, a native addon,
// stays outside; bundled CommonJS packages get a require() for the Node modules they ask for.
const SELF_CONTAINED = ['scripts/import.ts', 'server/importer/validate-worker.ts'];

async function build() {
  const { build: esbuild } = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: OUT,
    entryNames: '[name]',
    logLevel: 'warning',
  };
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: ENTRIES.filter((entry) => !SELF_CONTAINED.includes(entry)).map((entry) =>
        join(ROOT, entry),
      ),
      packages: 'external',
    }),
    esbuild({
      ...common,
      entryPoints: SELF_CONTAINED.map((entry) => join(ROOT, entry)),
      external: ['better-sqlite3'],
      banner: {
        js: "import { createRequire as bundledRequire } from 'node:module'; const require = bundledRequire(import.meta.url);",
      },
    }),
  ]);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

const [name, ...args] = process.argv.slice(2);
if (name === '--build') await build();
else {
  if (!name || !ENTRIES.some((entry) => entry.endsWith(`/${name}.ts`))) {
    console.error(`run.mjs: '${name ?? ''}' is not one of the compiled commands`);
    process.exit(2);
  }
  if (!existsSync(STAMP) || statSync(STAMP).mtimeMs < newestSource()) await build();
  const bundle = join(OUT, `${name}.js`);
  // The command reads its arguments as if started directly: node dist/scripts/NAME.js args...
  process.argv = [process.argv[0], bundle, ...args];
  await import(pathToFileURL(bundle).href);
}
