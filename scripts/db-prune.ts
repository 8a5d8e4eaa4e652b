// npm run db:prune -- --keep-after YYYY-MM-DD [--db PATH] [--dry-run]
import { Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/open.js';
import { type KeptVersion, pruneVersions } from '../server/db/versions.js';

const options = new Command('db:prune')
  .description(
    'Removes the kept data versions made on or before a date: URLs naming them then answer 404. ' +
      'The only way a kept version goes; the current one is never kept, never removed.',
  )
  .requiredOption('--keep-after <date>', 'keep the versions made after this date (YYYY-MM-DD)')
  .option('--db <path>', 'the database (default DB_PATH or data/registry.sqlite)')
  .option('--dry-run', 'say what would be removed, and remove nothing')
  .parse()
  .opts<{ keepAfter: string; db?: string; dryRun?: boolean }>();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const line = (kept: KeptVersion) =>
  `  v=${kept.v} (import ${kept.import_id}, ${kept.finished_at ?? 'no longer recorded'}), ${mb(kept.bytes)}`;

try {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.keepAfter))
    throw new Error(`--keep-after '${options.keepAfter}' is not a date (YYYY-MM-DD)`);
  const path = options.db ? resolve(options.db) : loadConfig().dbPath;
  const db = openDatabase(path, { readonly: true });
  try {
    const removed = pruneVersions(db, options.keepAfter, options.dryRun);
    const verb = options.dryRun ? 'would remove' : 'removed';
    console.log(
      removed.length === 0
        ? `no kept version made on or before ${options.keepAfter}: nothing to remove`
        : `${verb} ${removed.length} kept version(s), ${mb(removed.reduce((n, k) => n + k.bytes, 0))}:`,
    );
    for (const kept of removed) console.log(line(kept));
  } finally {
    db.close();
  }
} catch (error) {
  console.error(`db:prune: ${(error as Error).message}`);
  process.exitCode = 1;
}
