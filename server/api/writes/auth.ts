import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="registry writes"' };

type Credentials = { kind: 'none' } | { kind: 'malformed' } | { kind: 'bearer'; matches: boolean };

/**
 * Reads `Authorization: Bearer <token>` and compares it with the admin token as SHA-256 digests with
 * timingSafeEqual: constant time, and the length of the real token never shows.
 */
function credentials(expected: Buffer, req: Request): Credentials {
  const header = req.get('Authorization');
  if (header === undefined) return { kind: 'none' };
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) return { kind: 'malformed' };
  return { kind: 'bearer', matches: timingSafeEqual(digest(match[1]!), expected) };
}

/** Does the request carry the admin token? (Always false with no token configured.) */
export function carriesAdminToken(adminToken: string | null): (req: Request) => boolean {
  const expected = adminToken === null ? null : digest(adminToken);
  return (req) => {
    if (expected === null) return false;
    const given = credentials(expected, req);
    return given.kind === 'bearer' && given.matches;
  };
}

/**
 * Write routes need `Authorization: Bearer <ADMIN_TOKEN>`. With no token configured every write is off (403);
 * a missing or malformed header is 401 (with a challenge); a wrong token is 403. The token is never echoed.
 */
export function requireAdmin(adminToken: string | null): RequestHandler {
  const expected = adminToken === null ? null : digest(adminToken);
  return (req, _res, next) => {
    if (expected === null) {
      next(new HttpError(403, 'writes are turned off on this server (ADMIN_TOKEN is not set)'));
      return;
    }
    const given = credentials(expected, req);
    if (given.kind !== 'bearer') {
      next(new HttpError(401, 'this route needs an Authorization: Bearer <token> header', [], CHALLENGE));
      return;
    }
    if (!given.matches) {
      next(new HttpError(403, 'the token given is not the admin token'));
      return;
    }
    next();
  };
}
