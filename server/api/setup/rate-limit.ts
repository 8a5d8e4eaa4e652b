import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../errors.js';

function perMinute(limit: number, message: string, skip?: (req: Request) => boolean): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Without TRUST_PROXY a client's X-Forwarded-For is ignored on purpose: not a misconfiguration to log.
    validate: { xForwardedForHeader: false },
    ...(skip ? { skip } : {}),
    handler: (_req, _res, next) => {
      next(new HttpError(429, message, [], { 'Retry-After': '60' }));
    },
  });
}

/** Authenticated write requests per client address per minute (after the token is checked). */
export function setUpWriteRateLimit(limit: number): RequestHandler {
  return perMinute(limit, `too many write requests: at most ${limit} a minute from one address`);
}

/**
 * Writes without the admin token, per client address per minute: past the limit, a 429 before the token is even
 * looked at (guessing slows to a crawl). A request with the right token is neither counted nor held back here, so
 * anonymous requests cannot use up the admin's budget.
 */
export function setUpWriteFailureLimit(limit: number, isAdmin: (req: Request) => boolean): RequestHandler {
  return perMinute(
    limit,
    `too many refused write requests: at most ${limit} a minute from one address without the admin token`,
    isAdmin,
  );
}
