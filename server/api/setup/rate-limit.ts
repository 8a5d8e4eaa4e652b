import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../errors.js';

/** Write requests per client address per minute; over it, a 429 in the error shape with Retry-After. */
export function setUpWriteRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => {
      next(
        new HttpError(429, `too many write requests: at most ${perMinute} a minute from one address`, [], {
          'Retry-After': '60',
        }),
      );
    },
  });
}
