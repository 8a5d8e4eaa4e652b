import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Db } from './gateway.js';
import { migrate } from './migrate.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** A database file we refuse to open, with a message fit for the person starting the program. */
export class DatabaseFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseFileError';
  }
}

function checkHeader(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const fd = openSync(path, 'r');
  const header = Buffer.alloc(16);
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new DatabaseFileError(
      `${path} is not a SQLite database (its first bytes are not the SQLite header)`,
    );
  }
}

export interface OpenOptions {
  readonly?: boolean;
}

/** Opens (creating if needed) a registry database and brings its schema up to date. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  checkHeader(path);
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw new DatabaseFileError(`cannot open database ${path}: ${(error as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache: a 200,000-row import rewrites the same index pages; the default 2 MB spills them.
    db.pragma('cache_size = -65536');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      assertRegistryOrEmpty(db, path);
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
