// The dashboard's build: `npm start` rebuilds dist/client when it is missing or its sources changed since.
// A build records a hash of its inputs (client/, common/ and the lock file) beside the output, not inside the served folder.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../server/paths.js';
import { CLIENT_DIR } from '../server/paths.js';

const SOURCES = join(PROJECT_ROOT, 'client');
/** Code the dashboard shares with the server (the CSV writer, the view names). */
const COMMON = join(PROJECT_ROOT, 'common');
const STAMP = join(PROJECT_ROOT, 'dist/client-build.json');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/** A hash of everything the bundle is made from: the client sources and the locked dependency versions. */
export function clientSourceHash(): string {
  const hash = createHash('sha256');
  for (const path of [...files(SOURCES), ...files(COMMON), join(PROJECT_ROOT, 'package-lock.json')].sort()) {
    hash.update(relative(PROJECT_ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

/** Why the client needs building, or null when dist/client is up to date. */
export function clientBuildReason(): string | null {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) return 'dist/client is missing';
  if (!existsSync(STAMP)) return 'dist/client has no build stamp';
  const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as { hash?: string };
  return stamp.hash === clientSourceHash() ? null : 'client sources changed since the last build';
}

/** Builds dist/client with client/vite.config.ts and stamps it with the sources' hash. */
export async function buildClient(): Promise<void> {
  const hash = clientSourceHash();
  // Vite is a devDependency: loaded only to build, so that a production install (npm ci --omit=dev after a build)
  // starts without it.
  const { build } = await import('vite').catch(() => {
    throw new Error(
      'vite is not installed: build the dashboard before npm ci --omit=dev (docs/deploying.md)',
    );
  });
  await build({ configFile: join(SOURCES, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, `${JSON.stringify({ hash, built_at: new Date().toISOString() }, null, 2)}\n`);
}
