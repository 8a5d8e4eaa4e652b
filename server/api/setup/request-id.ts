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

/** The id a request is known by: the caller's X-Request-Id when acceptable, else a new one. */
export function requestIdFor(given: string | string[] | undefined): string {
  return typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
}

export function setUpRequestId(): RequestHandler {
  return (req, res, next) => {
    req.id = requestIdFor(req.headers['x-request-id']);
    res.set('X-Request-Id', req.id);
    next();
  };
}
