import type { Route } from '../route-spec.js';
import { councilAreaRoutes } from './council-areas.js';
import { coverageRoutes } from './coverage.js';
import { healthRoutes } from './health.js';
import { importReadRoutes } from './import-reports.js';
import { memberRoutes } from './members.js';
import { networkRoutes } from './networks.js';
import { oembedRoutes } from './oembed.js';
import { progressRoutes } from './progress.js';
import { provenanceRoutes } from './provenance.js';
import { schoolsBeyondRoutes } from './schools-beyond.js';
import { searchRoutes } from './search.js';
import { snapshotRoutes } from './snapshots.js';
import { summaryRoutes } from './summary.js';
import { versionRoutes } from './version.js';
import { versionsRoutes } from './versions.js';

/** Every read the API answers, in the order Express tries them (the API adds its own documents). */
export function readRoutes(): Route[] {
  return [
    ...healthRoutes,
    ...versionRoutes,
    ...versionsRoutes,
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
}
