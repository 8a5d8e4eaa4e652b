// npm start: builds the database from the data directory when it is missing or a data file changed, and the
// dashboard when dist/client is missing or its sources changed, then serves.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, loadConfig } from '../server/config.js';
import { assertIntact, openDatabase } from '../server/db/open.js';
import { buildDatabase, needsBuild } from '../server/importer/build.js';
import { startServer } from '../server/main.js';
import { buildClient, clientBuildReason } from './client-build.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const build = {
    dataDir: config.dataDir,
    projectDataDir: join(PROJECT_ROOT, 'data'),
    dbPath: config.dbPath,
  };
  // A damaged or foreign file stops start-up here with its reason: it is never rebuilt over or served.
  if (existsSync(config.dbPath)) {
    const db = openDatabase(config.dbPath);
    try {
      assertIntact(db, config.dbPath);
    } finally {
      db.close();
    }
  }
  const reason = needsBuild(build);
  if (reason) {
    console.error(`building the database from ${config.dataDir}: ${reason}`);
    buildDatabase({ ...build, onFile: (_entry, report) => console.error(`  ${report.message}`) });
  }
  const clientReason = clientBuildReason();
  if (clientReason) {
    console.error(`building the dashboard: ${clientReason}`);
    await buildClient();
  }
  await startServer(config);
}

main().catch((error: Error) => {
  console.error(`start: ${error.message}`);
  process.exitCode = 1;
});
