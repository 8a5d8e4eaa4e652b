import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Db, checkpoint } from '../db/gateway.js';
import { openDatabase } from '../db/open.js';
import { committedFileChecksums } from '../db/queries/info.js';
import { type ImportReport, importFile } from './import-file.js';
import { type ManifestEntry, entryPath, loadManifest } from './manifest.js';

export interface BuildOptions {
  dataDir: string;
  projectDataDir: string;
  dbPath: string;
  onFile?: (entry: ManifestEntry, report: ImportReport, ms: number) => void;
}

export class BuildError extends Error {
  constructor(
    message: string,
    readonly report: ImportReport,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Builds a fresh database from a data directory, in the manifest's order, into a temporary file that is renamed
 * into place only when every file imported: a failed build leaves the old database as it was.
 */
export function buildDatabase(options: BuildOptions): ImportReport[] {
  mkdirSync(dirname(options.dbPath), { recursive: true });
  const temp = `${options.dbPath}.building-${process.pid}`;
  removeDatabaseFiles(temp);
  const reports: ImportReport[] = [];
  let db: Db | null = openDatabase(temp, { create: true });
  try {
    for (const entry of loadManifest(options.projectDataDir)) {
      const path = entryPath(entry, options.dataDir, options.projectDataDir);
      const started = performance.now();
      const report = importFile(db, {
        kind: entry.kind,
        bytes: readFileSync(path),
        fileName: entry.path,
        asAt: entry.as_at ?? null,
        keepVersions: false,
      });
      options.onFile?.(entry, report, performance.now() - started);
      reports.push(report);
      if (report.status === 'rejected') {
        const first = report.errors[0];
        const detail = first
          ? ` (first: line ${first.row}, ${first.column} '${first.value}': ${first.message})`
          : '';
        throw new BuildError(`${report.message}${detail}`, report);
      }
    }
    checkpoint(db);
    db.close();
    db = null;
    // A WAL left beside an older database would be replayed into the new one: remove it with the old file.
    for (const suffix of ['-wal', '-shm']) rmSync(options.dbPath + suffix, { force: true });
    renameSync(temp, options.dbPath);
    return reports;
  } finally {
    db?.close();
    removeDatabaseFiles(temp);
  }
}

/** Why the database needs building, or null when it matches every manifest file's checksum. */
export function needsBuild(options: Omit<BuildOptions, 'onFile'>): string | null {
  if (!existsSync(options.dbPath)) return `${options.dbPath} does not exist`;
  const db = openDatabase(options.dbPath);
  try {
    const stored = committedFileChecksums(db);
    for (const entry of loadManifest(options.projectDataDir)) {
      const path = entryPath(entry, options.dataDir, options.projectDataDir);
      const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
      if (!stored.get(entry.path)?.has(sha256)) return `${entry.path} is new or changed`;
    }
    return null;
  } finally {
    db.close();
  }
}
