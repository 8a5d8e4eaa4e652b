// npm start, npm run import, db:build, db:info, db:prune, db:backup (and the benches' server): runs the compiled CLI in
// dist/scripts, building it with esbuild first only when its sources changed since the last build
// (scripts/sources.mjs), not on every run. Plain JavaScript, so that nothing compiles TypeScript on the way in.
//   node scripts/run.mjs NAME [args...]   run dist/scripts/NAME.js (building it when stale)
//   node scripts/run.mjs --build          build now
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sourceHash, staleReason, writeStamp } from './sources.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/scripts');
const STAMP = join(OUT, 'build.json');
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
  'server/upload/import-thread.ts',
];
const SOURCES = ['server', 'scripts', 'common'];

// The import command and its validating thread carry their packages in their bundles: resolving and loading
// them from node_modules took some 50 ms of each start, before any row was read. better-sqlite3, a native addon,
// stays outside; bundled CommonJS packages get a require() for the Node modules they ask for.
const SELF_CONTAINED = ['scripts/import.ts', 'server/importer/validate-worker.ts'];

async function build() {
  const hash = sourceHash(ROOT, SOURCES);
  // esbuild is a devDependency: a production install (npm ci --omit=dev) runs the bundles built before it.
  const { build: esbuild } = await import('esbuild').catch(() => {
    throw new Error(
      'esbuild is not installed: run npm run build:scripts before npm ci --omit=dev (docs/deploying.md)',
    );
  });
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
  writeStamp(STAMP, hash);
}

const [name, ...args] = process.argv.slice(2);
if (name === '--build') await build();
else {
  if (!name || !ENTRIES.some((entry) => entry.endsWith(`/${name}.ts`))) {
    console.error(`run.mjs: '${name ?? ''}' is not one of the compiled commands`);
    process.exit(2);
  }
  if (staleReason(ROOT, SOURCES, STAMP) !== null) await build();
  const bundle = join(OUT, `${name}.js`);
  // The command reads its arguments as if started directly: node dist/scripts/NAME.js args...
  process.argv = [process.argv[0], bundle, ...args];
  await import(pathToFileURL(bundle).href);
}
