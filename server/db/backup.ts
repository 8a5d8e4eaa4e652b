import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from './gateway.js';

export interface BackupResult {
  to: string;
  pages: number;
  integrity_check: string;
}

/**
 * An online backup (SQLite's backup API): a consistent copy of the database as of one moment, taken while the
 * server keeps serving and importing. Written beside the target and renamed into place once checked, so `to`
 * is never left half-written; an existing file is never overwritten.
 */
export async function backupDatabase(db: Db, to: string): Promise<BackupResult> {
  const target = resolve(to);
  if (target === resolve(db.name)) throw new Error(`${to} is the database itself`);
  if (existsSync(target)) throw new Error(`${to} already exists; choose a new file name`);
  const partial = `${target}.partial-${process.pid}`;
  try {
    const { totalPages } = await db.backup(partial);
    const copy = new Database(partial, { readonly: true });
    let integrity: string;
    try {
      integrity = (copy.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
    } finally {
      copy.close();
    }
    if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${integrity}`);
    renameSync(partial, target);
    return { to: target, pages: totalPages, integrity_check: integrity };
  } finally {
    rmSync(partial, { force: true });
  }
}
