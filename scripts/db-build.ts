// npm run db:build -- [--data DIR] [--db PATH]
import { Command } from 'commander';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT, loadConfig } from '../server/config.js';
import { buildDatabase } from '../server/importer/build.js';

const options = new Command('db:build')
  .description('Build a fresh database from a data directory laid out like data/ (see data/manifest.json).')
  .option('--data <dir>', 'the data directory (default DATA_DIR or data/)')
  .option('--db <path>', 'the database to create or replace (default DB_PATH or data/registry.sqlite)')
  .parse()
  .opts<{ data?: string; db?: string }>();

try {
  const config = loadConfig();
  const dbPath = options.db ? resolve(options.db) : config.dbPath;
  const started = performance.now();
  buildDatabase({
    dataDir: options.data ? resolve(options.data) : config.dataDir,
    projectDataDir: join(PROJECT_ROOT, 'data'),
    dbPath,
    onFile: (_entry, report, ms) => console.log(`${report.message} [${Math.round(ms)} ms]`),
  });
  console.log(`built ${dbPath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`db:build failed, nothing replaced: ${(error as Error).message}`);
  process.exitCode = 1;
}
