import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './api/app.js';
import { createHttpServer } from './api/http-server.js';
import type { Config } from './config.js';
import { assertIntact, openDatabase } from './db/open.js';
import { ensureDerivedFigures } from './precompute/refresh.js';

export interface RunningServer {
  server: Server;
  /** The port listened on (the real one when config.port is 0). */
  port: number;
  /** Stops taking connections, lets requests in flight finish, then closes the database. */
  close: () => Promise<void>;
}

/** Opens the database at config.dbPath, serves the API on config.port, and stops cleanly on SIGTERM/SIGINT. */
export async function startServer(config: Config): Promise<RunningServer> {
  const db = openDatabase(config.dbPath);
  try {
    assertIntact(db, config.dbPath);
    // A database filled before the figures reads look up were kept gets them now, once.
    if (ensureDerivedFigures(db))
      process.stderr.write(`worked out the derived figures of ${config.dbPath}\n`);
  } catch (error) {
    db.close();
    throw error;
  }
  const app = createApp({ db, config });
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = createHttpServer(app, config);
      s.once('error', reject);
      s.listen(config.port, () => {
        s.off('error', reject);
        resolve(s);
      });
    });
  } catch (error) {
    db.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      server.close(() => {
        db.close();
        resolve();
      });
      server.closeIdleConnections();
    }));
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`${signal}: closing the server\n`);
    void close();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const port = (server.address() as AddressInfo).port;
  process.stderr.write(`listening on http://localhost:${port} (database ${config.dbPath})\n`);
  return { server, port, close };
}
