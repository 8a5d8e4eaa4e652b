import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/gateway.js';
import { loadMigrations, migrate, schemaVersion } from '../../db/migrate.js';
import { isKeptVersionName, keptVersionPath } from '../../db/versions.js';
import { ensureDerivedFigures } from '../../precompute/refresh.js';

/** Handles open at once on kept versions: old links are read in bursts, one version at a time. */
const POOL_SIZE = 4;

/**
 * A kept version brought up to the schema this code reads (migrated like the live database, its derived figures
 * filled in), then opened read-only. Migrating writes to the copy once, after a deploy that adds a migration.
 */
function openKept(path: string): Db {
  const latest = Math.max(0, ...loadMigrations().map((m) => m.version));
  let db = new Database(path, { readonly: true, fileMustExist: true });
  if (schemaVersion(db) < latest) {
    db.close();
    const writable = new Database(path, { fileMustExist: true });
    try {
      migrate(writable);
      ensureDerivedFigures(writable);
    } finally {
      writable.close();
    }
    db = new Database(path, { readonly: true, fileMustExist: true });
  }
  db.pragma('cache_size = -16384');
  return db;
}

/** Read-only handles on kept data versions, opened on demand, a few at a time (least recently used closed first). */
export class KeptVersions {
  private readonly handles = new LRUCache<string, Db>({
    max: POOL_SIZE,
    dispose: (db) => db.close(),
  });

  constructor(private readonly dbPath: string) {}

  /** Whether `v` names a version kept now (db:prune may have removed it since it was opened). */
  has(v: string): boolean {
    return isKeptVersionName(v) && existsSync(keptVersionPath(this.dbPath, v));
  }

  /** A read-only handle on kept version `v`, or null when it is not kept. */
  open(v: string): Db | null {
    if (!this.has(v)) return null;
    let db = this.handles.get(v);
    if (db === undefined) {
      db = openKept(keptVersionPath(this.dbPath, v));
      this.handles.set(v, db);
    }
    return db;
  }

  close(): void {
    this.handles.clear();
  }
}
