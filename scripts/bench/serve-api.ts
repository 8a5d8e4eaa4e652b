// The API server for bench:api, in its own process so the load generator does not share its core.
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: serve-api.ts DB_PATH');
const running = await startServer(
  loadConfig({ ...process.env, PORT: '0', DB_PATH: dbPath, NODE_ENV: 'production' }),
);
process.stdout.write(`${running.port}\n`);
