// npm run db:backup -- --to FILE [--db PATH]
import { Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../server/config.js';
import { backupDatabase } from '../server/db/backup.js';
import { openDatabase } from '../server/db/open.js';

const options = new Command('db:backup')
  .description(
    'Copies the registry database to a new file while the server keeps running (SQLite online backup).',
  )
  .requiredOption('--to <file>', 'the backup file to create (must not exist)')
  .option('--db <path>', 'the database (default DB_PATH or data/registry.sqlite)')
  .parse()
  .opts<{ to: string; db?: string }>();

try {
  const path = options.db ? resolve(options.db) : loadConfig().dbPath;
  const db = openDatabase(path, { readonly: true });
  try {
    const result = await backupDatabase(db, options.to);
    console.log(
      `backed up ${path} to ${result.to}: ${result.pages} pages, integrity ${result.integrity_check}`,
    );
  } finally {
    db.close();
  }
} catch (error) {
  console.error(`db:backup: ${(error as Error).message}`);
  process.exitCode = 1;
}
