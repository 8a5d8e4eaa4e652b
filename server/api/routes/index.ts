import { readRoutes } from '../../answers/routes/index.js';
import type { Route } from '../../answers/route-spec.js';
import type { WriteRoute } from '../writes/route.js';
import { docsRoutes } from './docs.js';
import { importWriteRoutes } from './imports.js';

/** Every route the API serves, in the order Express tries them: the reads, then the documents describing them. */
export function apiRoutes(): Route[] {
  const reads = readRoutes();
  return [...reads, ...docsRoutes(reads, writeRoutes())];
}

/** Every route that changes data: behind the rate limit and the admin token. */
export function writeRoutes(): WriteRoute[] {
  return [...importWriteRoutes];
}
