// Serves the API from the environment's DB_PATH and prints the port, for tests that change the file system under it.
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';

const running = await startServer(loadConfig());
process.stdout.write(`PORT ${running.port}\n`);
