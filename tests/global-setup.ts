// Builds the database from the shipped data once per test run; tests open it read-only via inject('shippedDb').
// Also builds the dashboard when dist/client is missing or stale, once, for the end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../server/config.js';
import { buildDatabase } from '../server/importer/build.js';
import { buildClient, clientBuildReason } from '../scripts/client-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    shippedDb: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'registry-shipped-'));
  const dbPath = join(dir, 'registry.sqlite');
  const dataDir = join(PROJECT_ROOT, 'data');
  buildDatabase({ dataDir, projectDataDir: dataDir, dbPath });
  project.provide('shippedDb', dbPath);
  if (clientBuildReason() !== null) await buildClient();
  return () => rmSync(dir, { recursive: true, force: true });
}
