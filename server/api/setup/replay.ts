import type { OutgoingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { AnswerStore } from '../answerStore.js';
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
const replayKey = (req: Request) => `${req.headers['accept-encoding'] ?? ''}\n${req.url}`;

/** Keeps what was just sent for a GET, to send it again to the next identical request on the same data. */
export function keepReplay(
  replays: ReplayCache,
  stamp: string,
  req: Request,
  res: Response,
  body: string | Buffer,
): void {
  if (req.method !== 'GET' || res.statusCode !== 200) return;
  const headers = res.getHeaders();
  delete headers['x-request-id'];
  replays.set(stamp, replayKey(req), { headers, body });
}

/**
 * Sends again an answer already made for the same URL and Accept-Encoding on the same data version, headers
 * included (security headers, CORS, ETag, encoding), without the rest of the middleware, routing, validation and
 * serialisation it went through the first time: most reads repeat, and this is what keeps them fast under load.
 * Anything else (a conditional request, another method, a URL not seen on this data) goes the whole way.
 */
export function setUpReplay(answers: AnswerStore): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' || req.headers['if-none-match'] !== undefined) {
      next();
      return;
    }
    const hit = answers.replays.get(answers.stamp(req.dataVersion), replayKey(req));
    if (!hit) {
      next();
      return;
    }
    res.writeHead(200, hit.headers).end(hit.body);
  };
}
