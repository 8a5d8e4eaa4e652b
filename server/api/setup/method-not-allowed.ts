import type { Express } from 'express';
import { HttpError } from '../../answers/errors.js';

/**
 * After every route is mounted: another method on a known path gets a 405 naming the ones allowed there
 * (one path can have both reads and writes, such as /api/v1/imports).
 */
export function mountMethodNotAllowed(app: Express, allowed: Map<string, string[]>): void {
  for (const [path, methods] of allowed) {
    app.all(path, (req, _res, next) => {
      next(
        new HttpError(405, `${req.method} is not allowed on ${req.path}; use ${methods.join(' or ')}`, [], {
          Allow: methods.join(', '),
        }),
      );
    });
  }
}
