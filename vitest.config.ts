import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';
import { findBrowser, type BrowserFound } from './scripts/browser.js';
import { findNginx, nginxMissing } from './scripts/edge/nginx.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium the browser tests drive (scripts/browser.ts), or null when none runs here. */
    browser: BrowserFound | null;
  }
}

const BROWSER_TESTS = 'tests/e2e/**';
const NGINX_TESTS = 'tests/deploy/**';

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const found = await findBrowser();
  const browser = 'missing' in found ? null : found;
  if ('missing' in found) {
    // CI must prove the dashboard works: a missing browser there is a failure, never a skip.
    if (process.env.CI) throw new Error(`the browser tests cannot run: ${found.missing}`);
    console.warn(`browser tests skipped: ${found.missing}`);
  } else console.log(`browser tests run in ${found.source}`);
  // The same for nginx (tests/deploy/): CI must prove the deployment in deploy/nginx/ works.
  const nginx = findNginx();
  if (nginx === null) {
    if (process.env.CI) throw new Error(`the nginx tests cannot run: ${nginxMissing()}`);
    console.warn(`nginx tests skipped: ${nginxMissing()}`);
  }
  return {
    test: {
      include: ['tests/**/*.test.ts'],
      exclude: [
        ...configDefaults.exclude,
        ...(browser ? [] : [BROWSER_TESTS]),
        ...(nginx ? [] : [NGINX_TESTS]),
      ],
      provide: { browser },
      globalSetup: ['tests/global-setup.ts'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 120_000,
      // better-sqlite3 handles and real servers: forks keep native state per test file.
      pool: 'forks',
      env: { TZ: 'UTC' },
      // The JSON report lets .ci/run print a plain 'N passed, N failed' closing line.
      reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    },
  };
});
