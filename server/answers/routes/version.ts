import { versionAnswer } from '../../contract/versions.js';
import { versionToken } from '../../db/queries/data-version.js';
import { noQuery } from '../params.js';
import { defineRoute } from '../route-spec.js';

export const versionRoutes = [
  defineRoute({
    path: '/api/v1/version',
    tag: 'meta',
    summary: 'The current data version, and the v that names it in the URL of an answer any cache may keep.',
    description:
      'Add v=<this v> to the URL of any other read to get an answer that never changes: it is sent with ' +
      'Cache-Control: public, max-age=31536000, immutable, so a browser, a CDN or a caching proxy asks the server ' +
      'for it once. v names the data only (the import that last committed), never the server code. Without v an ' +
      'answer is fresh for a few seconds; this one too, so a cache in front of the server asks for it at most ' +
      'that often.',
    query: noQuery,
    response: versionAnswer,
    handle: ({ dataVersion }) => ({ v: versionToken(dataVersion), data_version: dataVersion }),
  }),
];
