import type { Express, Request, RequestHandler, Response } from 'express';
import { gzipSync } from 'node:zlib';
import type { Db } from '../db/gateway.js';
import type { DataVersion } from '../db/queries/data-version.js';
import type { AnswerCache } from '../answers/cache.js';
import { HttpError, shown } from '../answers/errors.js';
import { type Answer, answerKey, makeAnswer, type Parsed } from '../answers/make.js';
import type { MakingQueue } from '../answers/making-queue.js';
import type { Route } from '../answers/route-spec.js';
import { type CacheKind, cacheControl } from './cache-control.js';
import { matchesIfNoneMatch } from './etag.js';
import { remember } from './replay.js';

export interface Serving {
  db: Db;
  answers: AnswerCache;
  queue: MakingQueue;
}

const GZIP_FROM_BYTES = 1024;
// Level 4 rather than zlib's default 6: a quarter of the time on the largest answers (the 294 KB boundaries: about
// 6 ms instead of 20, made on the first request of each data version) for 4% more bytes.
const GZIP_LEVEL = 4;

/** Can this answer be sent gzipped to some client? Then every client is told that it varies by Accept-Encoding. */
const negotiable = (answer: Answer) => answer.body.length >= GZIP_FROM_BYTES;

/**
 * Sends an answer, gzipped when it is large enough and the client takes gzip (a kept answer is compressed once).
 * Returns the body sent.
 */
function send(req: Request, res: Response, answer: Answer): string | Buffer {
  res.set(answer.headers).type(answer.contentType);
  let body: string | Buffer = answer.body;
  if (negotiable(answer)) {
    res.vary('Accept-Encoding');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      body = answer.gzip ??= gzipSync(answer.body, { level: GZIP_LEVEL });
      res.set({ 'Content-Encoding': 'gzip' });
    }
  }
  res.send(body);
  return body;
}

function parse(route: Route, query: Record<string, unknown>, req: Request): Parsed {
  return {
    query: route.query.parse(query, { reportInput: true }),
    params: route.params ? route.params.parse(req.params, { reportInput: true }) : {},
  };
}

/**
 * A URL naming a version that is not the current one: never answered as if it were (nor cached at all), but sent
 * on to the same URL with the current `v` (the other parameters as they were sent).
 */
function moved(req: Request, res: Response, asked: unknown, current: string): void {
  const [path, search = ''] = req.originalUrl.split('?', 2);
  const kept = search.split('&').filter((part) => part !== '' && !/^v(=|$)/.test(part));
  const location = `${path}?${[...kept, `v=${current}`].join('&')}`;
  res
    .set({ 'Cache-Control': cacheControl('never'), Location: location })
    .status(307)
    .json({
      message: `data version ${shown(asked)} is not the current one; the current answer is at ${location}`,
      v: current,
      location,
    });
}

/** The uncached routes (/healthz, import reports, oEmbed): made for every request, never stored. */
function serveUncached(route: Route, db: Db) {
  return (req: Request, res: Response): void => {
    res.set('Cache-Control', cacheControl('never'));
    send(req, res, makeAnswer(route, db, parse(route, req.query, req), req.get('host')).answer);
  };
}

/** The answer to a request, from the cache or made in turn and kept, with the data version it was made on. */
async function answerOf(
  route: Route,
  req: Request,
  query: Record<string, unknown>,
  { db, answers, queue }: Serving,
): Promise<{ answer: Answer; version: DataVersion }> {
  const version = req.dataVersion;
  const stamp = answers.stamp(version);
  const sent = `${req.method === 'HEAD' ? 'GET' : req.method} ${req.originalUrl}`;
  const kept = answers.get(stamp, sent);
  if (kept) return { answer: kept, version };
  // A request not answered before is checked first: a bad one is refused whatever the client holds.
  const parsed = parse(route, query, req);
  const key = answerKey(route.path, parsed);
  const answer = answers.get(stamp, key);
  if (answer) {
    answers.set(stamp, sent, answer);
    return { answer, version };
  }
  // Made in this client's turn and kept, or shared with a request for it that is waiting already.
  const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const made = await queue.make(client, `${stamp} ${key}`, () => {
    const fresh = makeAnswer(route, db, parsed);
    answers.set(answers.stamp(fresh.version), key, fresh.answer);
    return fresh;
  });
  answers.set(answers.stamp(made.version), sent, made.answer);
  return made;
}

/**
 * A read: from the answer cache when the same request (as sent, then as parsed) was answered on this data
 * version; otherwise made, taking its turn in the making queue, and kept. The only way into the cache. A 304
 * only for an answer that exists: an error is never kept, so a request that fails fails again.
 */
function serve(route: Route, serving: Serving) {
  const { answers } = serving;
  return async (req: Request, res: Response): Promise<void> => {
    const { v, ...query } = req.query as Record<string, unknown>;
    const pinned = v !== undefined;
    if (pinned && v !== answers.version(req.dataVersion)) {
      moved(req, res, v, answers.version(req.dataVersion));
      return;
    }
    const { answer, version } = await answerOf(route, req, query, serving);
    // An import may have committed while the answer was made: a URL naming the version before gets no newer data.
    if (pinned && v !== answers.version(version)) {
      moved(req, res, v, answers.version(version));
      return;
    }
    const stamp = answers.stamp(version);
    const kind: CacheKind =
      route.shared === false
        ? 'never'
        : !pinned
          ? 'unversioned'
          : answer.today
            ? 'versioned-today'
            : 'versioned';
    res.set({ ETag: stamp, 'Cache-Control': cacheControl(kind) });
    if (matchesIfNoneMatch(req.get('If-None-Match'), stamp)) {
      if (negotiable(answer)) res.vary('Accept-Encoding');
      res.status(304).end();
      return;
    }
    const body = send(req, res, answer);
    // Kept to be sent again as it is (replay.ts), unless its Cache-Control would change during the day.
    if (req.method === 'GET' && res.statusCode === 200 && (kind === 'versioned' || kind === 'unversioned'))
      remember(answers, stamp, req, res, kind, body);
  };
}

/** Express's route matching: case-insensitive, one trailing slash allowed. */
const routeKey = (path: string) => (path.length > 1 ? path.replace(/\/$/, '') : path).toLowerCase();

/**
 * Mounts every route as GET (and HEAD). Routes without parameters are found by one lookup in one layer, not by
 * Express trying each route's pattern in turn (a fifth of a cached answer's time went on that walk).
 */
export function mountRoutes(app: Express, routes: readonly Route[], serving: Serving): void {
  const handlerOf = (route: Route) =>
    route.cache === false ? serveUncached(route, serving.db) : serve(route, serving);
  const exact = new Map<string, RequestHandler>();
  for (const route of routes)
    if (!route.path.includes(':')) exact.set(routeKey(route.path), handlerOf(route));
  app.use((req, res, next) => {
    const handler = req.method === 'GET' || req.method === 'HEAD' ? exact.get(routeKey(req.path)) : undefined;
    return handler === undefined ? next() : handler(req, res, next);
  });
  for (const route of routes) if (route.path.includes(':')) app.get(route.path, handlerOf(route));
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
