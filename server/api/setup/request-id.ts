import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    /** Names this request in the log and in the X-Request-Id response header. */
    id: string;
  }
}

// A caller's id is kept when it is short and plain, so a request can be followed across services.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id a request is known by: the caller's X-Request-Id when acceptable, else a new one. One that holds the admin
 * token (a careless client's) is replaced: the id is echoed, logged and kept with import reports.
 */
export function requestIdFor(given: string | string[] | undefined, adminToken: string | null = null): string {
  const acceptable =
    typeof given === 'string' &&
    ACCEPTABLE.test(given) &&
    (adminToken === null || !given.includes(adminToken));
  return acceptable ? given : randomUUID();
}

export function setUpRequestId(adminToken: string | null = null): RequestHandler {
  return (req, res, next) => {
    req.id = requestIdFor(req.headers['x-request-id'], adminToken);
    res.set('X-Request-Id', req.id);
    next();
  };
}
