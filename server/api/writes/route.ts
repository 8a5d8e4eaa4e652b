import type { Express, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Db } from '../../db/gateway.js';
import type { Log } from '../errors.js';
import type { ImportLock } from './lock.js';

/** What a write route is given besides the request: the app's database (for its file), the lock, the limits. */
export interface WriteDependencies {
  db: Db;
  lock: ImportLock;
  uploadLimitBytes: number;
  /** Longest an upload may send nothing (UPLOAD_STALL_S). */
  uploadStallMs: number;
  log: Log;
}

/**
 * A route that changes data, declared once: Express serves it behind the write guards (rate limit, then the admin
 * token) and the OpenAPI document describes it. Its fields may come as form fields or as query parameters.
 */
export interface WriteRoute {
  method: 'post';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  fields: z.ZodObject;
  /** Request body content types, for the document. */
  consumes: string[];
  /** Status and body of the answers that are not errors, for the document. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Error statuses besides 400, 401, 403, 429 and 500, for the document. */
  errors: number[];
  handle: (req: Request, res: Response, deps: WriteDependencies) => Promise<void>;
}

/** Mounts each write route behind `guards` (405s for other methods are mounted by mountMethodNotAllowed). */
export function mountWriteRoutes(
  app: Express,
  routes: readonly WriteRoute[],
  guards: RequestHandler[],
  deps: WriteDependencies,
): void {
  for (const route of routes) {
    app.post(route.path, ...guards, (req, res) => route.handle(req, res, deps));
  }
}
