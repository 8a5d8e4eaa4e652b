// One source hash for the two builds redone when their sources change: the commands esbuild compiles
// (scripts/run.mjs: server/, scripts/, common/) and the dashboard Vite bundles (scripts/client-build.ts: client/,
// common/). A build records the hash of its sources in a stamp; it is stale when the hash differs. Modification
// times only spare the hashing when nothing is newer than the stamp: the import command starts in 80 ms, and
// hashing its sources takes 20-90 ms where reading their times takes 1-3. Plain JavaScript, so that run.mjs can
// use it before anything is compiled; the folders' root is passed in, since a bundle's own URL is in dist/.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under the folders of root, and the lock file (the locked package versions), sorted. */
export function sourceFiles(root, dirs) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return [...dirs.flatMap((dir) => walk(join(root, dir))), join(root, 'package-lock.json')].sort();
}

/** A hash of the sources' paths (from root) and contents. */
export function sourceHash(root, dirs) {
  const hash = createHash('sha256');
  for (const path of sourceFiles(root, dirs)) {
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

/** Why the build stamped in `stamp` must be made again, or null when its sources are those it was built from. */
export function staleReason(root, dirs, stamp) {
  if (!existsSync(stamp)) return 'it has not been built';
  const builtAt = statSync(stamp).mtimeMs;
  if (sourceFiles(root, dirs).every((path) => statSync(path).mtimeMs <= builtAt)) return null;
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stamp, 'utf8')).hash;
  } catch {
    return 'its build stamp cannot be read';
  }
  if (recorded !== sourceHash(root, dirs)) return 'its sources changed since the last build';
  // Touched but the same (a checkout, a save without a change): the next check need not hash again.
  const now = new Date();
  utimesSync(stamp, now, now);
  return null;
}

/** Records a build of the sources whose hash was taken before it. */
export function writeStamp(stamp, hash) {
  writeFileSync(stamp, `${JSON.stringify({ hash, built_at: new Date().toISOString() }, null, 2)}\n`);
}
