// Where end-to-end tests save the screenshots a reviewer looks at: SCREENSHOTS_DIR, or .test-results/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/paths.js';

/** The path to save a screenshot under (its folder made if need be). */
export function screenshotPath(name: string): string {
  const dir = process.env.SCREENSHOTS_DIR ?? join(PROJECT_ROOT, '.test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
