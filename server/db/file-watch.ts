import { statSync } from 'node:fs';
import type { Db } from './gateway.js';

// Only stat, never open: closing any descriptor of the database file in this process would drop SQLite's locks.
export interface FileIdentity {
  dev: number;
  ino: number;
}

function identify(path: string): FileIdentity | null {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const opened = new WeakMap<Db, FileIdentity>();

/** Notes which file (device and inode) a connection opened, so that a later swap of the path can be told. */
export function rememberOpenedFile(db: Db, path: string): void {
  if (db.memory) return;
  const identity = identify(path);
  if (identity) opened.set(db, identity);
}

/**
 * Why the connection no longer reads and writes the file at its path, or null: the file was removed, or another file
 * was moved in its place (a restored backup, a rebuilt database). Either way the connection goes on with the old
 * inode while writers opening the path would reach another file, so nothing may be served or written until restart.
 */
export function fileProblem(db: Db): string | null {
  const then = opened.get(db);
  if (!then) return null;
  const now = identify(db.name);
  if (now === null) {
    return `the database file ${db.name} was removed while the server ran; restore it and restart the server (SECURITY.md)`;
  }
  if (now.dev !== then.dev || now.ino !== then.ino) {
    return `the database file ${db.name} was replaced while the server ran; restart the server to serve the new file`;
  }
  return null;
}

/** The file (device and inode) a connection opened, to hand to a thread that opens the same path. */
export function openedFile(db: Db): FileIdentity | null {
  return opened.get(db) ?? null;
}

export function isSameFile(a: FileIdentity | null, b: FileIdentity | null): boolean {
  return a === null || b === null ? a === b : a.dev === b.dev && a.ino === b.ino;
}

// SQLite result codes that mean the file cannot be read or written correctly any more (not "busy" or "full").
const FAULT = /^SQLITE_(IOERR|CORRUPT|NOTADB|CANTOPEN|READONLY_DBMOVED)/;
const faults = new WeakMap<Db, string>();

/** Keeps the first I/O or corruption error any query on this connection met, for /healthz. */
export function noteFault(db: Db, error: unknown): void {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FAULT.test(code) && !faults.has(db)) {
    faults.set(db, `the database met ${code} (${(cause as Error).message}); restart the server`);
  }
}

/** What is wrong with the database under this connection, cheaply (no integrity check), or null. */
export function databaseProblem(db: Db): string | null {
  return fileProblem(db) ?? faults.get(db) ?? null;
}
