import type { Express, Request, Response } from 'express';
import { gzipSync } from 'node:zlib';
import type { Db } from '../db/gateway.js';
import type { AnswerCache } from '../answers/cache.js';
import { HttpError } from '../answers/errors.js';
import { type Answer, answerKey, makeAnswer, type Parsed } from '../answers/make.js';
import type { MakingQueue } from '../answers/making-queue.js';
import type { Route } from '../answers/route-spec.js';
import { matchesIfNoneMatch } from './etag.js';

export interface Serving {
  db: Db;
  answers: AnswerCache;
  queue: MakingQueue;
}

const GZIP_FROM_BYTES = 1024;

/** Sends an answer, gzipped when it is large enough and the client takes gzip (a kept answer is compressed once). */
function send(req: Request, res: Response, answer: Answer): void {
  res.set(answer.headers).type(answer.contentType);
  if (answer.body.length >= GZIP_FROM_BYTES && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    answer.gzip ??= gzipSync(answer.body);
    res.set({ 'Content-Encoding': 'gzip' }).vary('Accept-Encoding').send(answer.gzip);
  } else res.send(answer.body);
}

/**
 * How long a client may reuse an answer: the one place caching headers are set. Kept answers are revalidated
 * (their ETag names the data version); uncached ones are never stored.
 */
function cacheControl(route: Route): string {
  return route.cache === false ? 'no-store' : 'no-cache';
}

function parse(route: Route, req: Request): Parsed {
  return {
    query: route.query.parse(req.query, { reportInput: true }),
    params: route.params ? route.params.parse(req.params, { reportInput: true }) : {},
  };
}

/**
 * A read: from the answer cache when the same request (as sent, then as parsed) was answered on this data
 * version; otherwise made, taking its turn in the making queue, and kept. The only way into the cache.
 */
function serve(route: Route, { db, answers, queue }: Serving) {
  return async (req: Request, res: Response): Promise<void> => {
    if (route.cache === false) {
      // Never kept, so never queued: /healthz answers at once whatever else is being made.
      res.set('Cache-Control', cacheControl(route));
      send(req, res, makeAnswer(route, db, parse(route, req), req.get('host')).answer);
      return;
    }
    let stamp = answers.stamp(req.dataVersion);
    const sent = `${req.method === 'HEAD' ? 'GET' : req.method} ${req.originalUrl}`;
    let answer = answers.get(stamp, sent);
    // A request not answered before is checked first: a bad one is refused even when the client has an ETag.
    const parsed = answer ? null : parse(route, req);
    if (matchesIfNoneMatch(req.get('If-None-Match'), stamp)) {
      res
        .set({ ETag: stamp, 'Cache-Control': cacheControl(route) })
        .status(304)
        .end();
      return;
    }
    if (parsed) {
      const key = answerKey(route.path, parsed);
      answer = answers.get(stamp, key);
      if (!answer) {
        await queue.turn(req.ip ?? req.socket.remoteAddress ?? 'unknown');
        // Another request may have had the same answer made while this one waited.
        answer = answers.get(stamp, key);
      }
      if (!answer) {
        const made = makeAnswer(route, db, parsed);
        stamp = answers.stamp(made.version);
        answer = made.answer;
        answers.set(stamp, key, answer);
      }
      answers.set(stamp, sent, answer);
    }
    res.set({ ETag: stamp, 'Cache-Control': cacheControl(route) });
    send(req, res, answer!);
  };
}

/** Mounts every route as GET (and HEAD). */
export function mountRoutes(app: Express, routes: readonly Route[], serving: Serving): void {
  for (const route of routes) app.get(route.path, serve(route, serving));
}

/**
 * After every route is mounted: another method on a known path gets a 405 naming the ones allowed there
 * (one path can have both reads and writes, such as /api/v1/imports).
 */
export function mountMethodNotAllowed(app: Express, allowed: Map<string, string[]>): void {
  for (const [path, methods] of allowed) {
    app.all(path, (req, _res, next) => {
      next(
        new HttpError(405, `${req.method} is not allowed on ${req.path}; use ${methods.join(' or ')}`, [], {
          Allow: methods.join(', '),
        }),
      );
    });
  }
}
