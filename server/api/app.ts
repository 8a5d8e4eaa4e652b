import { randomBytes } from 'node:crypto';
import express, { type Express } from 'express';
import type { Config } from '../config.js';
import type { Db } from '../db/gateway.js';
import { errorHandler, unknownRoute, type Log } from './errors.js';
import { mountRoutes, type Route } from './registry.js';
import { ResponseCache } from './responseCache.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { councilAreaRoutes } from './routes/councilAreas.js';
import { coverageRoutes } from './routes/coverage.js';
import { memberRoutes } from './routes/members.js';
import { networkRoutes } from './routes/networks.js';
import { progressRoutes } from './routes/progress.js';
import { provenanceRoutes } from './routes/provenance.js';
import { searchRoutes } from './routes/search.js';
import { snapshotRoutes } from './routes/snapshots.js';
import { summaryRoutes } from './routes/summary.js';
import { setUpClient } from './setup/client.js';
import { setUpCompression } from './setup/compression.js';
import { setUpDataVersion } from './setup/dataVersion.js';
import { setUpJson } from './setup/json.js';
import { setUpRequestId } from './setup/requestId.js';

export interface AppDependencies {
  db: Db;
  config: Config;
  /** Where faults are written (default: stderr). */
  log?: Log;
}

const stderr: Log = (line) => process.stderr.write(`${line}\n`);

/** Every route the API serves, in the order Express tries them. */
export function apiRoutes(): Route[] {
  const routes: Route[] = [
    ...healthRoutes,
    ...networkRoutes,
    ...summaryRoutes,
    ...coverageRoutes,
    ...progressRoutes,
    ...councilAreaRoutes,
    ...memberRoutes,
    ...searchRoutes,
    ...snapshotRoutes,
    ...provenanceRoutes,
  ];
  routes.push(...docsRoutes(() => routes));
  return routes;
}

/** Builds the API over an open database. Nothing listens until the caller says so. */
export function createApp({ db, log = stderr }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // our ETags come from the data version
  app.set('query parser', 'simple');
  app.use(setUpRequestId());
  app.use(setUpCompression());
  app.use(setUpJson());
  app.use(setUpDataVersion(db));
  mountRoutes(app, apiRoutes(), {
    db,
    codeRevision: randomBytes(4).toString('hex'),
    cache: new ResponseCache(),
  });
  app.use(setUpClient());
  app.use(unknownRoute);
  app.use(errorHandler(log));
  return app;
}
