import express, { type Express } from 'express';
import type { Config } from '../config.js';
import type { Db } from '../db/gateway.js';
import { noteFault } from '../db/file-watch.js';
import type { Logger } from 'pino';
import { errorHandler, unknownRoute, type Log } from './errors.js';
import { answerCache, type AnswerCache } from './reads/answer-cache.js';
import { KeptVersions } from './reads/kept-versions.js';
import { mountReads } from './reads/serve.js';
import { apiRoutes, writeRoutes } from './routes/index.js';
import { urlRedactor } from './secrets.js';
import { setUpClient } from './setup/client.js';
import { setUpCompression } from './setup/compression.js';
import { setUpDatabaseWatch } from './setup/database-watch.js';
import { mountMethodNotAllowed } from './setup/method-not-allowed.js';
import { setUpWriteFailureLimit, setUpWriteRateLimit } from './setup/rate-limit.js';
import { setUpRefuseSecrets } from './setup/refuse-secrets.js';
import { setUpRequestId } from './setup/request-id.js';
import { requestLogger, setUpRequestLog } from './setup/request-log.js';
import { setUpCors, setUpSecurityHeaders } from './setup/security.js';
import { carriesAdminToken, requireAdmin } from './writes/auth.js';
import { ImportLock } from './writes/lock.js';
import { mountWriteRoutes } from './writes/route.js';

export interface AppDependencies {
  db: Db;
  config: Config;
  /** Where faults are written (default: stderr). */
  log?: Log;
  /** Where request logs go (default: pino to stdout at config.logLevel). */
  logger?: Logger;
  /** The answers made and kept (default: a new, empty cache). */
  answers?: AnswerCache;
}

const stderr: Log = (line) => process.stderr.write(`${line}\n`);

/** Builds the API over an open database. Nothing listens until the caller says so. */
export function createApp({
  db,
  config,
  log = stderr,
  logger,
  answers = answerCache(),
}: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // our ETags come from the data version
  app.set('query parser', 'simple');
  // Behind the TLS proxy SECURITY.md asks for, the client's address comes from the proxy's X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.use(setUpRequestId(config.adminToken));
  app.use(setUpDatabaseWatch(db));
  const requestLog = logger ?? requestLogger(config.logLevel);
  const redact = urlRedactor(config.adminToken);
  app.use(setUpRequestLog(requestLog, redact));
  app.use(setUpRefuseSecrets(config.adminToken));
  app.use(setUpSecurityHeaders());
  app.use('/api', setUpCors());
  const reads = apiRoutes();
  // Read answers are compressed once, when kept (reads/serve.ts): the compression middleware is for the rest.
  mountReads(app, reads, { db, answers, kept: new KeptVersions(db.name) });
  mountWriteRoutes(
    app,
    writeRoutes(),
    [
      setUpWriteFailureLimit(config.writeFailureLimit, carriesAdminToken(config.adminToken)),
      requireAdmin(config.adminToken),
      setUpWriteRateLimit(config.writeRateLimit),
      setUpCompression(),
    ],
    {
      db,
      lock: new ImportLock(),
      uploadLimitBytes: config.uploadLimitBytes,
      uploadStallMs: config.uploadStallMs,
      log,
    },
  );
  const allowed = new Map<string, string[]>();
  for (const route of reads) allowed.set(route.path, ['GET', 'HEAD']);
  for (const route of writeRoutes()) allowed.set(route.path, [...(allowed.get(route.path) ?? []), 'POST']);
  mountMethodNotAllowed(app, allowed);
  app.use(setUpCompression());
  app.use(setUpClient());
  app.use(unknownRoute);
  app.use(errorHandler(log, redact, (error) => noteFault(db, error)));
  return app;
}
