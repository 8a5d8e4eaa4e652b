import type { Express, Request, Response } from 'express';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { type Db, snapshotRead } from '../db/gateway.js';
import { dataVersion as currentDataVersion, type DataVersion } from '../db/queries/dataVersion.js';
import { answerKey, makeAnswer, render } from './answers.js';
import type { Table } from './csv.js';
import { HttpError } from './errors.js';
import type { AnswerStore } from './answerStore.js';
import { matchesIfNoneMatch } from './etag.js';
import type { AnswerSource, CachedBody } from './responseCache.js';
import { keepReplay } from './setup/replay.js';

/** What a route's handler is given: parsed parameters, the database and the data version it holds. */
export interface RouteContext<Q, P> {
  db: Db;
  query: Q;
  params: P;
  dataVersion: DataVersion;
  /** The request's Host header: given to uncached routes only (cache: false), as a cached answer is shared. */
  host?: string | undefined;
}

export { Raw } from './raw.js';

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

const GZIP_FROM_BYTES = 1024;

/**
 * Sends an answer, gzipped when it is large enough and the client takes gzip (a cached answer is compressed once);
 * returns the body sent.
 */
function send(req: Request, res: Response, answer: CachedBody): string | Buffer {
  res.set(answer.headers).type(answer.contentType);
  if (answer.body.length >= GZIP_FROM_BYTES && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    answer.gzip ??= gzipSync(answer.body);
    res.set({ 'Content-Encoding': 'gzip' }).vary('Accept-Encoding').send(answer.gzip);
    return answer.gzip;
  }
  res.send(answer.body);
  return answer.body;
}

export interface Mounting {
  db: Db;
  answers: AnswerStore;
}

function serve(route: Route, { db, answers }: Mounting) {
  return (req: Request, res: Response): void => {
    const query = route.query.parse(req.query, { reportInput: true });
    const params = route.params ? route.params.parse(req.params, { reportInput: true }) : {};
    const dataVersion = req.dataVersion;
    if (route.cache === false) {
      res.set('Cache-Control', 'no-store');
      const host = req.get('host');
      send(req, res, render(route, route.handle({ db, query, params, dataVersion, host }), query));
      return;
    }
    let stamp = answers.stamp(dataVersion);
    if (matchesIfNoneMatch(req.get('If-None-Match'), stamp)) {
      res.set({ ETag: stamp, 'Cache-Control': 'no-cache' }).status(304).end();
      return;
    }
    const key = answerKey(route.path, params, query);
    let answer = answers.cache.get(stamp, key);
    if (!answer) {
      // Made on one snapshot with the version it is of: an import may have committed since the request came.
      const source: AnswerSource = {
        path: route.path,
        params: { ...(req.params as Record<string, string>) },
        query: { ...req.query },
      };
      [stamp, answer] = snapshotRead(db, () => {
        const version = currentDataVersion(db);
        return [answers.stamp(version), makeAnswer(route, db, { query, params }, version, source)] as const;
      });
      answers.cache.set(stamp, key, answer);
    }
    res.set({ ETag: stamp, 'Cache-Control': 'no-cache' });
    keepReplay(answers.replays, stamp, req, res, send(req, res, answer));
  };
}

/** Mounts every route as GET (and HEAD). */
export function mountRoutes(app: Express, routes: readonly Route[], mounting: Mounting): void {
  for (const route of routes) app.get(route.path, serve(route, mounting));
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
