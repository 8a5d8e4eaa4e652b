// npm run import -- --kind KIND --file PATH [--db PATH] [--as-at YYYY-MM-DD] [--dry-run] [--json] [--report FILE]
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/open.js';
import type { ImportReport } from '../server/importer/import-file.js';
import { importFileInWorker } from '../server/importer/import-in-worker.js';
import { IMPORT_KINDS, type ImportKind, isImportKind } from '../server/importer/kinds.js';
import { parseDate } from '../server/importer/values.js';
import { createProgress } from './progress.js';

const program = new Command('import')
  .description('Validate a CSV (or TopoJSON) file and import all of it in one transaction, or none of it.')
  .requiredOption('--kind <kind>', `one of ${IMPORT_KINDS.join(', ')}`, (value): ImportKind => {
    if (!isImportKind(value))
      throw new InvalidArgumentError(`'${value}' is not one of ${IMPORT_KINDS.join(', ')}`);
    return value;
  })
  .requiredOption('--file <path>', 'the file to import')
  .option('--db <path>', 'the database (default DB_PATH or data/registry.sqlite)')
  .option('--as-at <date>', 'the date a full list describes (YYYY-MM-DD)', (value) => {
    const parsed = parseDate(value);
    if (!parsed.ok || parsed.value.precision !== 'day') {
      throw new InvalidArgumentError(`'${value}' is not a date (YYYY-MM-DD)`);
    }
    return parsed.value.date;
  })
  .option('--dry-run', 'validate and report what would change; write nothing')
  .option('--json', 'print the report as JSON')
  .option('--report <file>', 'write the full report, with every error, as JSON')
  .showHelpAfterError();

function printErrors(report: ImportReport): void {
  const shown = report.errors.slice(0, 10);
  for (const e of shown) {
    const where = e.row === 0 ? 'file' : `line ${e.row}`;
    const column = e.column ? `, column '${e.column}'` : '';
    const value = e.value ? `, value '${e.value}'` : '';
    console.error(`  ${where}${column}${value}: ${e.message}`);
  }
  if (report.error_count > shown.length) {
    console.error(`  ... and ${report.error_count - shown.length} more (${report.error_count} in all)`);
  }
}

async function main(): Promise<number> {
  const options = program.parse().opts<{
    kind: ImportKind;
    file: string;
    db?: string;
    asAt?: string;
    dryRun?: boolean;
    json?: boolean;
    report?: string;
  }>();
  const config = loadConfig();
  const bytes = readFileSync(options.file);
  const db = openDatabase(options.db ?? config.dbPath);
  const progress = createProgress(!options.json);
  try {
    const report = await importFileInWorker(db, {
      kind: options.kind,
      bytes,
      fileName: basename(options.file),
      asAt: options.asAt ?? null,
      dryRun: options.dryRun ?? false,
      onProgress: progress.update,
    });
    progress.stop();
    if (options.report) writeFileSync(options.report, JSON.stringify(report, null, 2) + '\n');
    if (options.json)
      console.log(JSON.stringify({ ...report, errors: report.errors.slice(0, 100) }, null, 2));
    else {
      if (report.status === 'rejected') printErrors(report);
      console.log(report.message);
    }
    return report.status === 'rejected' ? 1 : 0;
  } finally {
    progress.stop();
    db.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`import: ${error.message}`);
    process.exitCode = 2;
  },
);
