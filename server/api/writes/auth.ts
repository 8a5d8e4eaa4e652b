import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="registry writes"' };

/**
 * Write routes need `Authorization: Bearer <ADMIN_TOKEN>`. With no token configured every write is off (403);
 * a missing or malformed header is 401 (with a challenge); a wrong token is 403. Tokens are compared as SHA-256 digests with
 * timingSafeEqual: constant time, and the length of the real token never shows. The token is never echoed.
 */
export function requireAdmin(adminToken: string | null): RequestHandler {
  const expected = adminToken === null ? null : digest(adminToken);
  return (req, _res, next) => {
    if (expected === null) {
      next(new HttpError(403, 'writes are turned off on this server (ADMIN_TOKEN is not set)'));
      return;
    }
    const header = req.get('Authorization');
    const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
    if (!match) {
      next(new HttpError(401, 'this route needs an Authorization: Bearer <token> header', [], CHALLENGE));
      return;
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      next(new HttpError(403, 'the token given is not the admin token'));
      return;
    }
    next();
  };
}
