import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { REDACTED, secretsInUrl } from '../secrets.js';

/**
 * A request with a credential in its URL gets a 400 that names where (the parameter, 'path' or 'query'), never the
 * value. The Host header is checked too: the page's oEmbed link is built from it.
 */
export function setUpRefuseSecrets(adminToken: string | null): RequestHandler {
  return (req, _res, next) => {
    let name = secretsInUrl(req.originalUrl, adminToken).where;
    if (name === null && adminToken !== null && (req.headers.host ?? '').includes(adminToken)) name = 'host';
    if (name === null) {
      next();
      return;
    }
    const message = `${name}: credentials go in the Authorization header, never in the URL`;
    next(new HttpError(400, message, [{ parameter: name, value: REDACTED, message }]));
  };
}
