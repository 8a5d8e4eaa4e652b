// npm run import -- --kind KIND --file PATH [--db PATH] [--as-at YYYY-MM-DD] [--dry-run] [--confirm CODES] [--json]
//   [--report FILE]
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ImportPreview } from '../server/analytics/import-preview.js';
import { previewHook, type PreviewedReport } from '../server/upload/preview.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/open.js';
import { CONFIRMATIONS, type Confirmation } from '../server/importer/confirmations.js';
import { importFileInWorker, startValidator } from '../server/importer/import-in-worker.js';
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
  .option(
    '--confirm <codes>',
    `import a list that needs confirming anyway: ${CONFIRMATIONS.join(', ')} (comma-separated; a dry run says which)`,
    (value) => {
      const codes = value.split(',').map((c) => c.trim());
      const unknown = codes.filter((c) => !(CONFIRMATIONS as readonly string[]).includes(c));
      if (unknown.length > 0)
        throw new InvalidArgumentError(`'${unknown.join(',')}' is not one of ${CONFIRMATIONS.join(', ')}`);
      return codes as Confirmation[];
    },
  )
  .option('--json', 'print the report as JSON')
  .option('--report <file>', 'write the full report, with every error, as JSON')
  .showHelpAfterError();

function printErrors(report: PreviewedReport): void {
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

const counted = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Area names in alphabetical order, the first `most` of them. */
function areaNames(areas: { name: string }[], most = 20): string {
  const shown = areas
    .map((a) => a.name)
    .sort((a, b) => a.localeCompare(b, 'en-GB'))
    .slice(0, most);
  return areas.length > most ? `${shown.join(', ')} and ${areas.length - most} more` : shown.join(', ');
}

/** A few lines on what a network list changes (would change, for a dry run) against the list before it. */
function previewLines(p: ImportPreview, dryRun: boolean): string[] {
  const against =
    p.compared_with === null
      ? `no earlier ${p.network} list (this is the first)`
      : `the ${p.network} list as at ${p.compared_with}${p.compared_with === p.as_at ? ', which it replaces' : ''}`;
  const gained = p.area_changes.filter((a) => a.coverage === 'gained');
  const lost = p.area_changes.filter((a) => a.coverage === 'lost');
  const lines = [
    `${dryRun ? 'Preview' : 'Changes'} against ${against}: ${counted(p.joiners.length, 'joiner')}, ` +
      `${counted(p.leavers.length, 'leaver')}, ${counted(p.group_moves.length, 'group move')}; ` +
      `members ${p.members.from} -> ${p.members.to}; council areas covered ` +
      `${p.council_areas_covered.from} -> ${p.council_areas_covered.to}.`,
    `  Council areas gaining coverage (${gained.length}): ${gained.length > 0 ? areaNames(gained) : 'none'}`,
    `  Council areas losing coverage (${lost.length}): ${lost.length > 0 ? areaNames(lost) : 'none'}`,
  ];
  if (p.hubs) lines.push(...hubLines(p.hubs, `against ${p.compared_with ?? 'no earlier list'}`));
  if (p.next_list !== null) {
    lines.push(`  A later list (as at ${p.next_list}) stays in force from its date.`);
    if (p.against_next?.hubs)
      lines.push(...hubLines(p.against_next.hubs, `against the later list ${p.next_list}`));
  }
  return lines;
}

/** Hub areas classified, and every match that rests on weak evidence, with that evidence. */
function hubLines(hubs: NonNullable<ImportPreview['hubs']>, against: string): string[] {
  const c = hubs.counts;
  const keys = (refs: { key: string }[]) => refs.map((r) => r.key).join('+') || '-';
  return [
    `  Hub areas ${against}: ${c.continuing} continuing (${c.renamed} renamed), ${c.successor} successors by areas, ` +
      `${c['another-hub']} led by ` +
      `another hub, ${c.new} new, ${c.ended} ended, ${c.redrawn} redrawn; ${c.weak} weak matches:`,
    ...hubs.changes
      .filter((change) => change.weak.length > 0)
      .map(
        (change) =>
          `    ${keys(change.from)} -> ${keys(change.to)} (${change.class}): ${change.weak.join(' ')}`,
      ),
  ];
}

type Options = {
  kind: ImportKind;
  file: string;
  db?: string;
  asAt?: string;
  dryRun?: boolean;
  confirm?: Confirmation[];
  json?: boolean;
  report?: string;
};

async function main(): Promise<number> {
  const options = program.parse().opts<Options>();
  // Its thread starts while this one reads the file and opens the database.
  const validator = startValidator(options);
  try {
    return await run(options, validator);
  } finally {
    // Stopped when the file or the database could not be opened: it would wait for its file for ever.
    void validator?.terminate();
  }
}

async function run(options: Options, validator: Worker | null): Promise<number> {
  const config = loadConfig();
  // In memory of its own, handed to the validating thread once hashed (importFileInWorker).
  const bytes = readFileSync(options.file);
  const db = openDatabase(options.db ?? config.dbPath);
  const progress = createProgress(!options.json);
  try {
    const report = (await importFileInWorker(
      db,
      {
        kind: options.kind,
        bytes,
        fileName: basename(options.file),
        asAt: options.asAt ?? null,
        dryRun: options.dryRun ?? false,
        confirm: options.confirm ?? [],
        onProgress: progress.update,
        inTransaction: previewHook,
      },
      validator,
    )) as PreviewedReport;
    progress.stop();
    if (options.report) writeFileSync(options.report, JSON.stringify(report, null, 2) + '\n');
    if (options.json)
      console.log(JSON.stringify({ ...report, errors: report.errors.slice(0, 100) }, null, 2));
    else {
      if (report.status === 'rejected') printErrors(report);
      console.log(report.message);
      for (const warning of report.warnings) console.log(`Note: ${warning}`);
      if (report.preview) console.log(previewLines(report.preview, report.status === 'dry-run').join('\n'));
      for (const needed of report.confirmations)
        console.log(`Needs --confirm ${needed.code}: ${needed.message}`);
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
