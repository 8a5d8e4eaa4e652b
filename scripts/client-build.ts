// The dashboard's build: `npm start` rebuilds dist/client when it is missing or its sources changed since.
// A build records a hash of its inputs (client/, common/ and the lock file) beside the output, not inside the served folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/paths.js';
import { CLIENT_DIR } from '../server/paths.js';
import { sourceHash, staleReason, writeStamp } from './sources.mjs';

const SOURCES = join(PROJECT_ROOT, 'client');
/** The bundle is made from the client and the code it shares with the server (the CSV writer, dates, views). */
const DIRS = ['client', 'common'];
const STAMP = join(PROJECT_ROOT, 'dist/client-build.json');

/** Why the client needs building, or null when dist/client is up to date. */
export function clientBuildReason(): string | null {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) return 'dist/client is missing';
  const reason = staleReason(PROJECT_ROOT, DIRS, STAMP);
  return reason && `dist/client: ${reason}`;
}

/** Builds dist/client with client/vite.config.ts and stamps it with the sources' hash. */
export async function buildClient(): Promise<void> {
  const hash = sourceHash(PROJECT_ROOT, DIRS);
  // Vite is a devDependency: loaded only to build, so that a production install (npm ci --omit=dev after a build)
  // starts without it.
  const { build } = await import('vite').catch(() => {
    throw new Error(
      'vite is not installed: build the dashboard before npm ci --omit=dev (docs/deploying.md)',
    );
  });
  await build({ configFile: join(SOURCES, 'vite.config.ts'), logLevel: 'warn' });
  writeStamp(STAMP, hash);
}
