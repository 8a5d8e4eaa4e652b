import { readFileSync } from 'node:fs';

// What one server holds open, and for how long (docs/connections.md says what nginx holds in front of it).

/** Longest a client may take to send a request's headers, from connecting (an idle connection too). */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Longest a connection may wait, idle, for its next request after an answer. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** The process's soft limit on open files, from /proc/self/limits; null where that cannot be read. */
export function openFileLimit(limits = '/proc/self/limits'): number | null {
  let text: string;
  try {
    text = readFileSync(limits, 'utf8');
  } catch {
    return null;
  }
  const soft = /^Max open files\s+(\d+|unlimited)/m.exec(text)?.[1];
  return soft === undefined || soft === 'unlimited' ? null : Number(soft);
}

/**
 * How many connections the server takes at once, below its limit on open files: the database, its WAL, an
 * import's thread and connection, the dashboard's files and the log need descriptors of their own, so a tenth of
 * the limit (at least 64) is kept for them. 20,000 idle sockets from one client took the server to its limit
 * (issue 29) and the database could not be opened; past the cap Node closes a new connection at once instead.
 */
export function connectionCap(fileLimit: number): number {
  return Math.max(1, fileLimit - Math.max(64, Math.ceil(fileLimit / 10)));
}
