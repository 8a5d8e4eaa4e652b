// Runs one import the way the server does, saying WRITING once rows are going into the open transaction.
// Used by kill.test.ts, which kills this process with SIGKILL at that point.
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../server/db/open.js';
import { importFileInWorker } from '../../server/importer/import-in-worker.js';

const [dbPath, csvPath] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbPath);
let said = false;
const report = await importFileInWorker(db, {
  kind: 'establishments',
  bytes: readFileSync(csvPath),
  fileName: 'generated.csv',
  asAt: '2026-06-01',
  onProgress: ({ rows }) => {
    if (!said && rows >= 20_000) {
      said = true;
      process.stdout.write('WRITING\n');
    }
  },
});
process.stdout.write(`DONE ${report.status}\n`);
db.close();
