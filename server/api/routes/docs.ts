import { docsPage } from '../docs-page.js';
import { openApiDocument, type OpenApiDocument } from '../openapi.js';
import { noQuery } from '../../answers/params.js';
import { defineRoute, Raw, type Route } from '../../answers/route-spec.js';
import { openApiAnswer } from '../../contract/provenance.js';
import type { WriteRoute } from '../writes/route.js';

/**
 * The OpenAPI document and its readable page, both describing `routes` and `writes` (and themselves). Both are
 * made here, once, when the API is put together: they depend on the code alone, and making the document takes
 * about 100 ms (zod's JSON Schema of every answer), which no request should wait for.
 */
export function docsRoutes(routes: readonly Route[], writes: readonly WriteRoute[] = []): Route[] {
  const own: Route[] = [
    defineRoute({
      path: '/api/openapi.json',
      tag: 'meta',
      summary: 'This API as an OpenAPI 3.1 document.',
      query: noQuery,
      response: openApiAnswer,
      handle: () => doc,
    }),
    defineRoute({
      path: '/api/docs',
      tag: 'meta',
      summary: 'This API as a readable page.',
      query: noQuery,
      produces: 'text/html',
      handle: () => new Raw('text/html; charset=utf-8', page),
    }),
  ];
  // The handlers above are only called once these are made.
  const doc: OpenApiDocument = openApiDocument([...routes, ...own], writes);
  const page = docsPage(doc);
  return own;
}
