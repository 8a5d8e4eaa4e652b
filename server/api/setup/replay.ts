import type { ClientRequest, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { DataVersion } from '../../db/queries/dataVersion.js';
import type { AnswerStore } from '../answerStore.js';
import { requestIdFor } from './requestId.js';
import { logWhenDone } from './requestLog.js';
import { StampedCache } from '../stampedCache.js';

/** An answer as it went out: every header but the request's own id, and the body. */
export interface Replay {
  headers: OutgoingHttpHeaders;
  body: string | Buffer;
}

/** Answers as sent, by URL and Accept-Encoding, for the latest data versions; the bodies are the cached answers'. */
export class ReplayCache extends StampedCache<Replay> {
  constructor(maxEntries = 4096) {
    super(maxEntries, () => 1);
  }
}

// The exact URL and Accept-Encoding: a request that sends both the same got this answer, headers and all.
const replayKey = (req: IncomingMessage) => `${req.headers['accept-encoding'] ?? ''}\n${req.url}`;

/** Keeps what was just sent for a GET, to send it again to the next identical request on the same data. */
export function keepReplay(
  replays: ReplayCache,
  stamp: string,
  req: Request,
  res: Response,
  body: string | Buffer,
): void {
  if (req.method !== 'GET' || res.statusCode !== 200) return;
  // Named as they were set (ETag, not etag), so the answer sent again reads exactly like the first.
  const headers: OutgoingHttpHeaders = {};
  // Node has getRawHeaderNames on every outgoing message; its types declare it on client requests only.
  const names = (res as unknown as Pick<ClientRequest, 'getRawHeaderNames'>).getRawHeaderNames();
  for (const name of names) {
    if (name.toLowerCase() !== 'x-request-id') headers[name] = res.getHeader(name);
  }
  replays.set(stamp, replayKey(req), { headers, body });
}

/** Answers a request straight from the replays, or says it must go the whole way (false). */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Sends again an answer already made for the same URL and Accept-Encoding on the same data version, headers
 * included (security headers, CORS, ETag, encoding), with its own request id and log line, and nothing else: no
 * routing, middleware, validation or serialisation. Most reads repeat, and this is what keeps them fast under
 * load. Anything else (a conditional request, another method, a URL not seen on this data) goes the whole way.
 * It works on Node's own request and response, so the server can try it before Express (see requestListener).
 */
export function fastPath(answers: AnswerStore, readVersion: () => DataVersion, logger: Logger): FastPath {
  return (req, res) => {
    if (req.method !== 'GET' || req.headers['if-none-match'] !== undefined) return false;
    let hit: Replay | undefined;
    try {
      hit = answers.replays.get(answers.stamp(readVersion()), replayKey(req));
    } catch {
      // The database cannot be read: the whole way, where the fault is logged and answered in the error shape.
      return false;
    }
    if (!hit) return false;
    const id = requestIdFor(req.headers['x-request-id']);
    logWhenDone(logger, { id, method: req.method, url: req.url, headers: req.headers }, res);
    res.setHeader('X-Request-Id', id);
    res.writeHead(200, hit.headers).end(hit.body);
    return true;
  };
}
