import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The project's root, found by walking up to package.json: the same from source (tsx, vitest) and from the
// bundled scripts in dist/, which sit at a different depth.
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot();
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'server/db/migrations/');
/** Where `npm run build:client` (and `npm start`, when the build is missing or stale) writes the dashboard. */
export const CLIENT_DIR = join(PROJECT_ROOT, 'dist/client');
