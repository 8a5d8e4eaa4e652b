import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { REDACTED, secretInQuery } from '../secrets.js';

/** A request with a credential in its query string gets a 400 that names the parameter, never its value. */
export function setUpRefuseSecrets(adminToken: string | null): RequestHandler {
  return (req, _res, next) => {
    const inPath = adminToken !== null && safeDecode(req.path).includes(adminToken);
    const name = inPath ? 'path' : secretInQuery(req.query as Record<string, unknown>, adminToken);
    if (name === null) {
      next();
      return;
    }
    const message = `${name}: credentials go in the Authorization header, never in the URL`;
    next(new HttpError(400, message, [{ parameter: name, value: REDACTED, message }]));
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
