import { randomBytes } from 'node:crypto';
import express, { type Express } from 'express';
import type { Config } from '../config.js';
import type { Db } from '../db/gateway.js';
import type { Logger } from 'pino';
import { errorHandler, unknownRoute, type Log } from './errors.js';
import { mountMethodNotAllowed, mountRoutes, type Route } from './registry.js';
import { ResponseCache } from './responseCache.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { councilAreaRoutes } from './routes/councilAreas.js';
import { coverageRoutes } from './routes/coverage.js';
import { memberRoutes } from './routes/members.js';
import { importReadRoutes, importWriteRoutes } from './routes/imports.js';
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
import { setUpWriteRateLimit } from './setup/rateLimit.js';
import { setUpRequestId } from './setup/requestId.js';
import { requestLogger, setUpRequestLog } from './setup/requestLog.js';
import { setUpCors, setUpSecurityHeaders } from './setup/security.js';
import { requireAdmin } from './writes/auth.js';
import { ImportLock } from './writes/lock.js';
import { mountWriteRoutes, type WriteRoute } from './writes/route.js';

export interface AppDependencies {
  db: Db;
  config: Config;
  /** Where faults are written (default: stderr). */
  log?: Log;
  /** Where request logs go (default: pino to stdout at config.logLevel). */
  logger?: Logger;
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
    ...importReadRoutes,
  ];
  routes.push(...docsRoutes(() => routes, writeRoutes));
  return routes;
}

/** Every route that changes data: behind the rate limit and the admin token. */
export function writeRoutes(): WriteRoute[] {
  return [...importWriteRoutes];
}

/** Builds the API over an open database. Nothing listens until the caller says so. */
export function createApp({ db, config, log = stderr, logger }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // our ETags come from the data version
  app.set('query parser', 'simple');
  app.use(setUpRequestId());
  app.use(setUpRequestLog(logger ?? requestLogger(config.logLevel)));
  app.use(setUpSecurityHeaders());
  app.use('/api', setUpCors());
  app.use(setUpCompression());
  app.use(setUpJson());
  app.use(setUpDataVersion(db));
  mountWriteRoutes(
    app,
    writeRoutes(),
    [setUpWriteRateLimit(config.writeRateLimit), requireAdmin(config.adminToken)],
    { db, lock: new ImportLock(), uploadLimitBytes: config.uploadLimitBytes, log },
  );
  const reads = apiRoutes();
  mountRoutes(app, reads, { db, codeRevision: randomBytes(4).toString('hex'), cache: new ResponseCache() });
  const allowed = new Map<string, string[]>();
  for (const route of reads) allowed.set(route.path, ['GET', 'HEAD']);
  for (const route of writeRoutes()) allowed.set(route.path, [...(allowed.get(route.path) ?? []), 'POST']);
  mountMethodNotAllowed(app, allowed);
  app.use(setUpClient());
  app.use(unknownRoute);
  app.use(errorHandler(log));
  return app;
}
