import { docsPage } from '../docs-page.js';
import { openApiDocument, type OpenApiDocument } from '../openapi.js';
import { noQuery } from '../../answers/params.js';
import { defineRoute, Raw, type Route } from '../../answers/route-spec.js';
import { openApiAnswer } from '../../answers/responses/provenance.js';
import type { WriteRoute } from '../writes/route.js';

/** The OpenAPI document and its readable page, both describing `routes` and `writes` (and themselves). */
export function docsRoutes(
  routes: () => readonly Route[],
  writes: () => readonly WriteRoute[] = () => [],
): Route[] {
  let doc: OpenApiDocument | undefined;
  const document = () => (doc ??= openApiDocument(routes(), writes()));
  return [
    defineRoute({
      path: '/api/openapi.json',
      tag: 'meta',
      summary: 'This API as an OpenAPI 3.1 document.',
      query: noQuery,
      response: openApiAnswer,
      handle: () => document(),
    }),
    defineRoute({
      path: '/api/docs',
      tag: 'meta',
      summary: 'This API as a readable page.',
      query: noQuery,
      produces: 'text/html',
      handle: () => new Raw('text/html; charset=utf-8', docsPage(document())),
    }),
  ];
}
