import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Db } from './gateway.js';
import { rememberOpenedFile } from './file-watch.js';
import { migrate } from './migrate.js';

/** A database file we refuse to open, with a message fit for the person starting the program. */
export class DatabaseFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseFileError';
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** Create the file when it is missing: only a build or a test does; a server or an upload never does. */
  create?: boolean;
}

/**
 * The header is checked by SQLite itself (its first read), never by opening the file with fs: on POSIX, closing any
 * descriptor of the file drops every lock this process holds on it, and another client would then delete the WAL
 * under a live connection (issue 24; SQLite's "How To Corrupt", 2.2).
 */
function assertSqliteFile(db: Db, path: string): void {
  try {
    db.prepare('PRAGMA schema_version').get();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new DatabaseFileError(
        `${path} is not a SQLite database (its first bytes are not the SQLite header)`,
      );
    }
    throw error;
  }
}

/** Opens a registry database (creating it only when asked) and brings its schema up to date. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  let db: Db;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly || !(options.create ?? false) });
  } catch (error) {
    if (!existsSync(path)) {
      throw new DatabaseFileError(`database ${path} does not exist (npm run db:build makes one)`);
    }
    throw new DatabaseFileError(`cannot open database ${path}: ${(error as Error).message}`);
  }
  try {
    assertSqliteFile(db, path);
    rememberOpenedFile(db, path);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache: a 200,000-row import rewrites the same index pages; the default 2 MB spills them.
    db.pragma('cache_size = -65536');
    if (!readonly) {
      // Checked before anything is set: switching a foreign file to WAL would already rewrite its header.
      assertRegistryOrEmpty(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseFileError) throw error;
    throw new DatabaseFileError(`database ${path} is unusable: ${(error as Error).message}`);
  }
}

// A SQLite file with tables but no migration record belongs to something else: never write into it.
function assertRegistryOrEmpty(db: Db, path: string): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new DatabaseFileError(
      `${path} is a SQLite database but not a registry database (no schema_migrations)`,
    );
  }
}

/**
 * PRAGMA quick_check: a file with a good header can still be cut short or damaged further in. Run once at start-up so
 * the server refuses such a file with a clear message instead of failing on the first query that touches it.
 */
export function assertIntact(db: Db, path: string): void {
  let result: string[];
  try {
    result = db.prepare('PRAGMA quick_check').pluck().all() as string[];
  } catch (error) {
    throw new DatabaseFileError(`database ${path} is damaged: ${(error as Error).message}`);
  }
  if (result.length !== 1 || result[0] !== 'ok') {
    throw new DatabaseFileError(
      `database ${path} is damaged: quick_check says ${result.slice(0, 3).join('; ')}`,
    );
  }
}
