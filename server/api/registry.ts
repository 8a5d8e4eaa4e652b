import type { Express, Request, Response } from 'express';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import type { Db } from '../db/gateway.js';
import { csvResponse, type Table } from './csv.js';
import { HttpError } from './errors.js';
import { etagFor, matchesIfNoneMatch } from './etag.js';
import type { CachedBody, ResponseCache } from './responseCache.js';

/** What a route's handler is given: parsed parameters and the database. */
export interface RouteContext<Q, P> {
  db: Db;
  query: Q;
  params: P;
  req: Request;
}

/** A body that is not JSON (an HTML page, a TopoJSON document already serialised), sent as it is. */
export class Raw {
  constructor(
    readonly contentType: string,
    readonly body: string,
  ) {}
}

type AnyObject = z.ZodObject;

/**
 * A route, declared once: Express serves it and the OpenAPI document describes it from the same schemas.
 * Only GET: the API reads. `csv` turns the result into a table when the query asks for format=csv.
 */
export interface RouteSpec<Q extends AnyObject, P extends AnyObject, R> {
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query: Q;
  params?: P;
  /** Describes the JSON body of a 200 in the document. */
  response?: z.ZodType;
  /** Content type of a Raw answer, for the document. */
  produces?: string;
  /** Error statuses this route can answer besides 400 and 500, for the document. */
  errors?: number[];
  /** false for answers that must never be reused (health checks); default: ETag from the data version. */
  cache?: boolean;
  csv?: (result: R, query: z.output<Q>) => Table;
  handle: (context: RouteContext<z.output<Q>, z.output<P>>) => R;
}

export type Route = RouteSpec<AnyObject, AnyObject, unknown>;

export function defineRoute<Q extends AnyObject, P extends AnyObject = AnyObject, R = unknown>(
  spec: RouteSpec<Q, P, R>,
): Route {
  return spec as unknown as Route;
}

/** Express path (/areas/:la_code) to OpenAPI path (/areas/{la_code}). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function render(route: Route, result: unknown, query: Record<string, unknown>): CachedBody {
  if (route.csv && query.format === 'csv') return csvResponse(route.csv(result, query));
  if (result instanceof Raw) return { contentType: result.contentType, body: result.body, headers: {} };
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(result), headers: {} };
}

const GZIP_FROM_BYTES = 1024;

/** Sends an answer; a cacheable one goes out pre-compressed (the compression middleware leaves it alone). */
function send(req: Request, res: Response, answer: CachedBody, cacheable: boolean): void {
  res.set(answer.headers).type(answer.contentType);
  if (
    cacheable &&
    answer.body.length >= GZIP_FROM_BYTES &&
    req.acceptsEncodings('gzip', 'identity') === 'gzip'
  ) {
    answer.gzip ??= gzipSync(answer.body);
    res.set({ 'Content-Encoding': 'gzip' }).vary('Accept-Encoding').send(answer.gzip);
    return;
  }
  res.send(answer.body);
}

export interface Mounting {
  db: Db;
  /** Names the server code: an ETag from another instance never matches. */
  codeRevision: string;
  cache: ResponseCache;
}

function serve(route: Route, { db, codeRevision, cache }: Mounting) {
  return (req: Request, res: Response): void => {
    const query = route.query.parse(req.query, { reportInput: true });
    const params = route.params ? route.params.parse(req.params, { reportInput: true }) : {};
    if (route.cache === false) {
      res.set('Cache-Control', 'no-store');
      send(req, res, render(route, route.handle({ db, query, params, req }), query), false);
      return;
    }
    // Answers depend on the data, the code and (for progress, judged as of today) the date.
    const stamp = etagFor(req.dataVersion, `${codeRevision}.${today().replace(/-/g, '')}`);
    res.set({ ETag: stamp, 'Cache-Control': 'no-cache' });
    if (matchesIfNoneMatch(req.get('If-None-Match'), stamp)) {
      res.status(304).end();
      return;
    }
    const key = `${route.path} ${JSON.stringify(params)} ${JSON.stringify(query)}`;
    let answer = cache.get(stamp, key);
    if (!answer) {
      answer = render(route, route.handle({ db, query, params, req }), query);
      cache.set(stamp, key, answer);
    }
    send(req, res, answer, true);
  };
}

/** Today's date (UTC), YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Mounts every route as GET (and HEAD); other methods on a known path get a 405 naming the allowed ones. */
export function mountRoutes(app: Express, routes: readonly Route[], mounting: Mounting): void {
  for (const route of routes) app.get(route.path, serve(route, mounting));
  for (const path of new Set(routes.map((route) => route.path))) {
    app.all(path, (req, _res, next) => {
      next(
        new HttpError(405, `${req.method} is not allowed on ${req.path}; use GET`, [], {
          Allow: 'GET, HEAD',
        }),
      );
    });
  }
}
