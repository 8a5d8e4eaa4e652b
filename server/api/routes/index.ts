import type { Route } from '../registry.js';
import type { WriteRoute } from '../writes/route.js';
import { councilAreaRoutes } from './councilAreas.js';
import { coverageRoutes } from './coverage.js';
import { docsRoutes } from './docs.js';
import { healthRoutes } from './health.js';
import { importReadRoutes, importWriteRoutes } from './imports.js';
import { memberRoutes } from './members.js';
import { networkRoutes } from './networks.js';
import { oembedRoutes } from './oembed.js';
import { progressRoutes } from './progress.js';
import { provenanceRoutes } from './provenance.js';
import { schoolsBeyondRoutes } from './schools-beyond.js';
import { searchRoutes } from './search.js';
import { snapshotRoutes } from './snapshots.js';
import { summaryRoutes } from './summary.js';

/** Every route the API serves, in the order Express tries them. */
export function apiRoutes(): Route[] {
  const routes: Route[] = [
    ...healthRoutes,
    ...networkRoutes,
    ...summaryRoutes,
    ...coverageRoutes,
    ...progressRoutes,
    ...schoolsBeyondRoutes,
    ...councilAreaRoutes,
    ...memberRoutes,
    ...searchRoutes,
    ...snapshotRoutes,
    ...provenanceRoutes,
    ...importReadRoutes,
    ...oembedRoutes,
  ];
  routes.push(...docsRoutes(() => routes, writeRoutes));
  return routes;
}

/** Every route that changes data: behind the rate limit and the admin token. */
export function writeRoutes(): WriteRoute[] {
  return [...importWriteRoutes];
}
