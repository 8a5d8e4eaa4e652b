import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import pino, { type Logger } from 'pino';
import type { UrlRedactor } from '../secrets.js';

// No redaction pass: a log line is built from named fields only (below), never from a request's headers as a
// whole, so Authorization and cookies cannot reach it; tests/api/hardening.test.ts checks a real request's line.
// Lines go to stdout asynchronously: under load they are written together as each write ends, not with one system
// call each on the thread answering requests; pino writes what is left when the process exits.
export function requestLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: false }),
): Logger {
  return pino({ level }, destination);
}

/** What the log needs of a request, from Express or straight from Node. */
export interface LoggedRequest {
  id: string;
  method?: string | undefined;
  url?: string | undefined;
  originalUrl?: string;
  headers: IncomingHttpHeaders;
}

/**
 * One JSON line per request once it is answered (or abandoned): method, path, status, time taken, and the request
 * id it was answered under. Only three request headers are logged, never Authorization or cookies, and credentials in
 * the URL (credential parameters' values, the admin token anywhere) are replaced (secrets.ts). One logger
 * call per request, with no child logger: this runs on every read.
 */
export function logWhenDone(
  logger: Logger,
  redact: UrlRedactor,
  req: LoggedRequest,
  res: ServerResponse,
): void {
  const started = performance.now();
  res.once('close', () => {
    const finished = res.writableFinished;
    const status = res.statusCode;
    const level = !finished || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        req: {
          id: req.id,
          method: req.method,
          url: redact(req.originalUrl ?? req.url ?? ''),
          headers: {
            'user-agent': req.headers['user-agent'],
            'content-type': req.headers['content-type'],
            'content-length': req.headers['content-length'],
          },
        },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - started),
      },
      finished ? 'request completed' : 'request aborted',
    );
  });
}

export function setUpRequestLog(logger: Logger, redact: UrlRedactor): RequestHandler {
  return (req, res, next) => {
    logWhenDone(logger, redact, req, res);
    next();
  };
}
