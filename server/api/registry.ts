import type { Express, Request, Response } from 'express';
import type { z } from 'zod';
import type { Db } from '../db/gateway.js';
import { sendCsv, type Table } from './csv.js';
import { HttpError } from './errors.js';
import { etagFor, matchesIfNoneMatch } from './etag.js';

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

function reply(res: Response, route: Route, result: unknown, query: Record<string, unknown>): void {
  if (route.csv && query.format === 'csv') sendCsv(res, route.csv(result, query));
  else if (result instanceof Raw) res.type(result.contentType).send(result.body);
  else res.json(result);
}

function serve(route: Route, db: Db, codeRevision: string) {
  return (req: Request, res: Response): void => {
    const query = route.query.parse(req.query, { reportInput: true });
    const params = route.params ? route.params.parse(req.params, { reportInput: true }) : {};
    if (route.cache === false) {
      res.set('Cache-Control', 'no-store');
    } else {
      const etag = etagFor(req.dataVersion, codeRevision);
      res.set({ ETag: etag, 'Cache-Control': 'no-cache' });
      if (matchesIfNoneMatch(req.get('If-None-Match'), etag)) {
        res.status(304).end();
        return;
      }
    }
    reply(res, route, route.handle({ db, query, params, req }), query);
  };
}

/** Mounts every route as GET (and HEAD); other methods on a known path get a 405 naming the allowed ones. */
export function mountRoutes(app: Express, routes: readonly Route[], db: Db, codeRevision: string): void {
  for (const route of routes) app.get(route.path, serve(route, db, codeRevision));
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
