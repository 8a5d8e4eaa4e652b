// The one fast path: a read the server has answered before, on this data version, with this Accept-Encoding, is
// sent again as it was sent (its headers, security headers included, as the full path set them), before Express
// parses, routes and runs its middleware. A cached read cost 250 us of the server's time through Express and
// costs a fifth of that here. Anything else (a first answer, HEAD, If-None-Match, an old `v`) takes the full
// path, which keeps what it sends for each URL for the next time (remember(), called by serve.ts).
import type { Express, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { SentAnswer } from '../answers/answer.js';
import type { AnswerCache } from '../answers/cache.js';
import type { DataVersion } from '../db/queries/data-version.js';
import { cacheControl } from './cache-control.js';
import type { UrlRedactor } from './secrets.js';
import { requestIdFor } from './setup/request-id.js';
import { logWhenDone } from './setup/request-log.js';

// Worked out for each sending: the request's id, and how long the answer may be kept (max-age may run to the end
// of the day). They keep their places among the headers; Date is Node's own.
const REQUEST_ID = 'X-Request-Id';
const CACHE_CONTROL = 'Cache-Control';

/**
 * Keeps how a URL was just sent (status 200, whole) for this Accept-Encoding, under the stamp of the data it was
 * made on. Kept in the answer cache and counted against its room, so distinct Accept-Encoding values cost a
 * client's memory nothing the cache does not already bound.
 */
export function remember(
  answers: AnswerCache,
  stamp: string,
  req: Request,
  res: Response,
  cacheKind: SentAnswer['cacheKind'],
  body: string | Buffer,
): void {
  const headers: SentAnswer['headers'] = {};
  let bytes = body.length + req.originalUrl.length + (req.headers['accept-encoding']?.length ?? 0);
  // Names as they were written (ETag, not etag), as the first sending wrote them.
  // OutgoingMessage has had getRawHeaderNames since Node 15.13; @types/node declares it on ClientRequest only.
  const raw = res as unknown as { getRawHeaderNames(): string[] };
  for (const name of raw.getRawHeaderNames()) {
    const value = res.getHeader(name);
    if (value === undefined || name.toLowerCase() === 'date') continue;
    headers[name] = value;
    bytes += name.length + String(value).length;
  }
  const sent = { headers, body, cacheKind, bytes };
  answers.keepSent(stamp, req.originalUrl, req.headers['accept-encoding'] ?? '', sent);
}

export interface ReplayDependencies {
  answers: AnswerCache;
  readVersion: () => DataVersion;
  logger: Logger;
  redact: UrlRedactor;
  adminToken: string | null;
}

/** Sends a kept answer as it was sent before; false when the request must take the full path. */
function replayed(
  req: IncomingMessage,
  res: ServerResponse,
  { answers, readVersion, logger, redact, adminToken }: ReplayDependencies,
) {
  if (req.method !== 'GET' || req.headers['if-none-match'] !== undefined) return false;
  const sent = answers.sent(
    answers.stamp(readVersion()),
    req.url ?? '',
    req.headers['accept-encoding'] ?? '',
  );
  if (sent === undefined) return false;
  const id = requestIdFor(req.headers['x-request-id'], adminToken);
  logWhenDone(logger, redact, { id, method: req.method, url: req.url, headers: req.headers }, res);
  res.writeHead(200, { ...sent.headers, [REQUEST_ID]: id, [CACHE_CONTROL]: cacheControl(sent.cacheKind) });
  res.end(sent.body);
  return true;
}

/** Installs the fast path in front of everything Express does for a request (the app calls app.handle). */
export function installReplay(app: Express, dependencies: ReplayDependencies): void {
  const app_ = app as unknown as {
    handle: (req: IncomingMessage, res: ServerResponse, next?: unknown) => void;
  };
  const handle = app_.handle.bind(app);
  app_.handle = (req, res, next) => {
    let done = false;
    try {
      done = replayed(req, res, dependencies);
    } catch {
      // The full path meets the same fault (a database that cannot be read) and answers it in the one error shape.
    }
    if (!done) handle(req, res, next);
  };
}
