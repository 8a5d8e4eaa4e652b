import type { RequestListener } from 'node:http';
import express, { type Express } from 'express';
import type { Config } from '../config.js';
import type { Db } from '../db/gateway.js';
import type { Logger } from 'pino';
import { errorHandler, unknownRoute, type Log } from './errors.js';
import { mountMethodNotAllowed, mountRoutes } from './registry.js';
import { apiRoutes, writeRoutes } from './routes/index.js';
import { AnswerStore } from './answerStore.js';
import { setUpClient } from './setup/client.js';
import { setUpCompression } from './setup/compression.js';
import { dataVersionReader, setUpDataVersion } from './setup/dataVersion.js';
import { setUpWriteFailureLimit, setUpWriteRateLimit } from './setup/rateLimit.js';
import { fastPath, type FastPath } from './setup/replay.js';
import { setUpRefuseSecrets } from './setup/refuseSecrets.js';
import { setUpRequestId } from './setup/requestId.js';
import { requestLogger, setUpRequestLog } from './setup/requestLog.js';
import { setUpCors, setUpFrameOptions, setUpSecurityHeaders } from './setup/security.js';
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
  /** The answers made, cached and replayed (default: a new, empty store). */
  answers?: AnswerStore;
}

const stderr: Log = (line) => process.stderr.write(`${line}\n`);

/** Builds the API over an open database. Nothing listens until the caller says so. */
export function createApp({
  db,
  config,
  log = stderr,
  logger,
  answers = new AnswerStore(),
}: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // our ETags come from the data version
  app.set('query parser', 'simple');
  // Behind the TLS proxy SECURITY.md asks for, the client's address comes from the proxy's X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  const requestLog = logger ?? requestLogger(config.logLevel);
  const readVersion = dataVersionReader(db);
  // Tried first by the server before Express (requestListener); as the first middleware, for callers that use the
  // app on its own (tests, other servers).
  const fast = fastPath(answers, readVersion, requestLog);
  app.locals.fastPath = fast;
  app.use((req, res, next) => (fast(req, res) ? undefined : next()));
  app.use(setUpRequestId());
  app.use(setUpRequestLog(requestLog));
  app.use(setUpRefuseSecrets(config.adminToken));
  app.use(setUpDataVersion(readVersion));
  app.use(setUpSecurityHeaders());
  app.use(setUpFrameOptions());
  app.use('/api', setUpCors());
  mountWriteRoutes(
    app,
    writeRoutes(),
    [
      setUpWriteFailureLimit(config.writeFailureLimit, carriesAdminToken(config.adminToken)),
      requireAdmin(config.adminToken),
      setUpWriteRateLimit(config.writeRateLimit),
      setUpCompression(),
    ],
    { db, answers, lock: new ImportLock(), uploadLimitBytes: config.uploadLimitBytes, log },
  );
  const reads = apiRoutes();
  // Read answers are compressed once, when cached (registry.ts): the compression middleware is for the rest.
  mountRoutes(app, reads, { db, answers });
  const allowed = new Map<string, string[]>();
  for (const route of reads) allowed.set(route.path, ['GET', 'HEAD']);
  for (const route of writeRoutes()) allowed.set(route.path, [...(allowed.get(route.path) ?? []), 'POST']);
  mountMethodNotAllowed(app, allowed);
  app.use(setUpCompression());
  app.use(setUpClient());
  app.use(unknownRoute);
  app.use(errorHandler(log));
  return app;
}

/**
 * The server's request listener: a repeated read is answered from the replays before Express sees it (see
 * fastPath); everything else goes through the app.
 */
export function requestListener(app: Express): RequestListener {
  const fast = app.locals.fastPath as FastPath;
  return (req, res) => {
    if (!fast(req, res)) app(req, res);
  };
}
