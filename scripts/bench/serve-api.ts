// The API server of the benches, in its own process so the load generator does not share its core; run compiled
// (node scripts/run.mjs serve-api DB_PATH), as npm start runs the server.
import { writeSync } from 'node:fs';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: serve-api.ts DB_PATH');
const running = await startServer(
  loadConfig({ ...process.env, PORT: '0', DB_PATH: dbPath, NODE_ENV: 'production' }),
);
// The port on fd 3 (a pipe the bench opened), so that stdout carries the request log alone.
writeSync(3, `${running.port}\n`);
