import type { z } from 'zod';
import type { Db } from '../db/gateway.js';
import type { DataVersion } from '../db/queries/data-version.js';
import type { Table } from './csv.js';
import type { Raw } from './raw.js';

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
 * A route, declared once: the API serves it (api/reads/serve.ts) and the OpenAPI document describes it from the same
 * schemas.
 * Only GET: the API reads. `csv` turns the result into a table when the query asks for format=csv.
 */
export interface RouteSpec<Q extends AnyObject, P extends AnyObject, R, S extends z.ZodType = z.ZodType> {
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query: Q;
  params?: P;
  /** Describes the JSON body of a 200 in the document; what handle returns must be its output (defineRoute). */
  response?: S;
  /** Content type of a Raw answer, for the document. */
  produces?: string;
  /** Error statuses this route can answer besides 400 and 500, for the document. */
  errors?: number[];
  /** false for answers that must never be reused (health checks); default: ETag from the data version. */
  cache?: boolean;
  /** false for answers the server keeps but no other cache may store (import reports: the admin's, not the public's). */
  shared?: boolean;
  /** Whether the answer to this query is judged as of today (and so changes at midnight with the same data). */
  judgedToday?: (query: z.output<Q>) => boolean;
  csv?: (result: R, query: z.output<Q>) => Table;
  handle: (context: RouteContext<z.output<Q>, z.output<P>>) => R;
}

export type Route = RouteSpec<AnyObject, AnyObject, unknown>;

/** Declares a route. It fails to compile when handle returns something its response schema does not describe. */
export function defineRoute<
  Q extends AnyObject,
  P extends AnyObject = AnyObject,
  S extends z.ZodType = z.ZodType,
  // A Raw answer is a stored document sent as it is: its schema describes bytes no type here holds.
  R extends z.output<S> | Raw = z.output<S>,
>(spec: RouteSpec<Q, P, R, S>): Route {
  return spec as unknown as Route;
}

/** Express path (/areas/:la_code) to OpenAPI path (/areas/{la_code}). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
