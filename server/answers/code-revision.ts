import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

/** What the server's answers are made by: its code, the code it shares with the dashboard, and the locked packages. */
const SOURCES = ['server', 'common'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

function hashSources(): string {
  const hash = createHash('sha256');
  const paths = SOURCES.flatMap((dir) => files(join(PROJECT_ROOT, dir)));
  for (const path of [...paths, join(PROJECT_ROOT, 'package-lock.json')].sort()) {
    hash.update(relative(PROJECT_ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 8);
}

let revision: string | undefined;

/**
 * Names the server code, the same for every run of the same code (so that a restart, or a second process, keeps
 * the answers a shared cache holds) and different after any change to it (so that a cache never serves an answer
 * an older server made). Worked out once per process from the sources, read in a few milliseconds; where they
 * cannot be read, a random name: every run is then new code, which is safe.
 */
export function codeRevision(): string {
  if (revision === undefined) {
    try {
      revision = hashSources();
    } catch {
      revision = randomBytes(4).toString('hex');
    }
  }
  return revision;
}
