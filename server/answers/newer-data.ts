// What an answer on an older data version says in its body: that newer data exists, which version replaced it,
// and where the same question is answered on the current data. Every part is a fact that never changes once the
// next import has committed, so the answer's bytes stay the same for ever and may be kept a year by anyone.
import { z } from 'zod';
import { newerDataNote, versionDay } from '../../common/data-version.js';
import { type DataVersion, versionToken } from '../db/queries/data-version.js';
import type { Route } from './route-spec.js';
import { type Provenance, provenanceAnswer } from '../contract/versions.js';

export type { Provenance };

/** The provenance of an answer on version `v`, which `next` replaced; `latestUrl` asks the same without v. */
export function newerDataProvenance(v: string, next: DataVersion, latestUrl: string): Provenance {
  const nextV = versionToken(next);
  return {
    v,
    note: newerDataNote(v, nextV),
    newer_data: { v: nextV, import_id: next.import_id!, date: versionDay(nextV)! },
    latest_url: latestUrl,
  };
}

/**
 * A route's JSON answer as documented: an object answer on an older version also carries its provenance (a Raw
 * body, the routes that say what they produce, is sent as it is: its headers carry the note).
 */
export function documentedAnswer(route: Route): z.ZodType | undefined {
  const { response } = route;
  if (route.cache === false || route.produces || !(response instanceof z.ZodObject)) return response;
  return response.extend({ provenance: provenanceAnswer.optional() });
}
