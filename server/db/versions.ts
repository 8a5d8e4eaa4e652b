// Every committed data version stays readable: before an import replaces the current version, SQLite itself
// writes a consistent copy of it (VACUUM INTO: never a file copy, which could catch a page half-written) into
// <database>.versions/<v>.sqlite. The server opens such a copy read-only when a URL names its `v`.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { all, type Db } from './gateway.js';
import { DatabaseFileError } from './open.js';
import { dataVersion, versionToken } from './queries/data-version.js';

/** A `v` of a kept version: the import's id and when it finished, to the second. */
const KEPT_V = /^\d+\.\d{14}$/;

/** Whether `v` has the form of a kept version's name (and so names a file, never a path). */
export const isKeptVersionName = (v: string): boolean => KEPT_V.test(v);

/** The folder kept versions are in, beside the database file. */
export const versionsDir = (dbPath: string): string => `${dbPath}.versions`;

/** Where the copy of version `v` is (or would be) kept. */
export function keptVersionPath(dbPath: string, v: string): string {
  if (!isKeptVersionName(v)) throw new Error(`'${v}' is not the name of a kept data version`);
  return join(versionsDir(dbPath), `${v}.sqlite`);
}

/** A database with a file (not :memory: nor a temporary one) can keep its versions. */
const hasFile = (db: Db) => !db.memory && db.name !== '';

/**
 * Keeps the current data version as a read-only copy, unless it is kept already or nothing was imported yet;
 * returns its `v`, or null when there is nothing to keep. Run outside any transaction, before an import begins:
 * the copy is one read of one snapshot, so if another import commits meanwhile the copy is of the version it read,
 * and is checked to be the one named before it is put in place.
 */
export function keepCurrentVersion(db: Db): string | null {
  if (!hasFile(db)) return null;
  const version = dataVersion(db);
  if (version.import_id === null) return null;
  const v = versionToken(version);
  const path = keptVersionPath(db.name, v);
  if (existsSync(path)) return v;
  try {
    mkdirSync(versionsDir(db.name), { recursive: true });
  } catch (error) {
    // A folder the server may not write (read-only, full): as for the database itself, nothing is imported.
    throw new DatabaseFileError(
      `the database cannot be written (keeping data version ${v} in ${versionsDir(db.name)}: ` +
        `${(error as Error).message}); nothing was imported`,
    );
  }
  const partial = `${path}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial);
    let copied: string;
    try {
      // One file, no WAL beside it: opened read-only later without writing anything next to it.
      copy.pragma('journal_mode = DELETE');
      copied = versionToken(dataVersion(copy));
    } finally {
      copy.close();
    }
    if (copied !== v) throw new Error(`the copy holds data version ${copied}, not ${v}`);
    renameSync(partial, path);
    return v;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Whether the current version has its copy (an import checks this once it holds the write lock). */
export function currentVersionKept(db: Db): boolean {
  if (!hasFile(db)) return true;
  const version = dataVersion(db);
  return version.import_id === null || existsSync(keptVersionPath(db.name, versionToken(version)));
}

/** A kept version: its `v`, the import that made it (as the live database records it) and its file's size. */
export interface KeptVersion {
  v: string;
  import_id: number;
  /** When the import committed (ISO 8601); null when the live database no longer records that import. */
  finished_at: string | null;
  kind: string | null;
  network_id: string | null;
  file_name: string | null;
  as_at: string | null;
  bytes: number;
}

interface ImportRow {
  id: number;
  kind: string;
  network_id: string | null;
  file_name: string;
  as_at: string | null;
  finished_at: string;
}

/** When a version's import committed, as its `v` says: YYYYMMDDhhmmss. */
const committedAt = (v: string) => v.slice(v.indexOf('.') + 1);

/** Every import the live database records, by the `v` of the version it made. */
function importsByVersion(db: Db): Map<string, ImportRow> {
  const imports = new Map<string, ImportRow>();
  for (const row of all<ImportRow>(
    db,
    'SELECT id, kind, network_id, file_name, as_at, finished_at FROM imports',
  )) {
    imports.set(versionToken({ import_id: row.id, finished_at: row.finished_at }), row);
  }
  return imports;
}

function describe(v: string, row: ImportRow | undefined, bytes: number): KeptVersion {
  return {
    v,
    import_id: Number(v.split('.')[0]),
    finished_at: row?.finished_at ?? null,
    kind: row?.kind ?? null,
    network_id: row?.network_id ?? null,
    file_name: row?.file_name ?? null,
    as_at: row?.as_at ?? null,
    bytes,
  };
}

/** Every kept version, oldest first. */
export function keptVersions(db: Db): KeptVersion[] {
  const dir = versionsDir(db.name);
  if (!hasFile(db) || !existsSync(dir)) return [];
  const imports = importsByVersion(db);
  return readdirSync(dir)
    .map((file) => file.replace(/\.sqlite$/, ''))
    .filter(isKeptVersionName)
    .map((v) => describe(v, imports.get(v), statSync(keptVersionPath(db.name, v)).size))
    .sort((a, b) => committedAt(a.v).localeCompare(committedAt(b.v)));
}

/**
 * The versions a read can name: those kept, oldest first, then the current one (the live database, whose size is
 * its file's; none before any import).
 */
export function readableVersions(db: Db): (KeptVersion & { current: boolean })[] {
  const v = versionToken(dataVersion(db));
  const rows = keptVersions(db)
    .filter((kept) => kept.v !== v)
    .map((kept) => ({ ...kept, current: false }));
  if (v === '0') return rows;
  const bytes = hasFile(db) ? statSync(db.name).size : 0;
  return [...rows, { ...describe(v, importsByVersion(db).get(v), bytes), current: true }];
}

/**
 * Removes the kept versions made on or before `keepAfter` (YYYY-MM-DD): the only way a kept version goes. A URL
 * naming one then answers 404. Returns what it removed (or, for a dry run, would remove).
 */
export function pruneVersions(db: Db, keepAfter: string, dryRun = false): KeptVersion[] {
  const cutoff = keepAfter.replace(/\D/g, '').padEnd(14, '9');
  const removed = keptVersions(db).filter((kept) => committedAt(kept.v) <= cutoff);
  if (!dryRun) for (const kept of removed) rmSync(keptVersionPath(db.name, kept.v), { force: true });
  return removed;
}
