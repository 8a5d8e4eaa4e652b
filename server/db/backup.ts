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
 * is never left half-written and nothing of the partial copy is left beside it; an existing file is never
 * overwritten.
 */
export async function backupDatabase(db: Db, to: string): Promise<BackupResult> {
  const target = resolve(to);
  if (target === resolve(db.name)) throw new Error(`${to} is the database itself`);
  if (existsSync(target)) throw new Error(`${to} already exists; choose a new file name`);
  const partial = `${target}.partial-${process.pid}`;
  try {
    const { totalPages } = await db.backup(partial);
    // The copy keeps the database's WAL mode, and opening it (even read-only) made a -wal and a -shm beside it
    // that closing a read-only connection leaves behind. As a single file in rollback mode it needs neither; the
    // server puts it back in WAL mode when it opens it.
    const copy = new Database(partial);
    let integrity: string;
    try {
      copy.pragma('journal_mode = DELETE');
      integrity = (copy.prepare('PRAGMA integrity_check').pluck().all() as string[]).join('; ');
    } finally {
      copy.close();
    }
    if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${integrity}`);
    renameSync(partial, target);
    return { to: target, pages: totalPages, integrity_check: integrity };
  } finally {
    for (const file of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`])
      rmSync(file, { force: true });
  }
}
