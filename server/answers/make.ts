import type { Db } from '../db/gateway.js';
import type { DataVersion } from '../db/queries/dataVersion.js';
import { csvResponse } from './csv.js';
import { Raw } from './raw.js';
import type { Route } from './registry.js';
import type { AnswerSource, CachedBody } from './responseCache.js';

/** Names a request once parsed: the same key on the same data gives the same answer. */
export function answerKey(path: string, params: unknown, query: unknown): string {
  return `${path} ${JSON.stringify(params)} ${JSON.stringify(query)}`;
}

/** A route's result as the bytes to send: CSV when asked for and offered, a Raw body as it is, else JSON. */
export function render(route: Route, result: unknown, query: Record<string, unknown>): CachedBody {
  if (route.csv && query.format === 'csv') return csvResponse(route.csv(result, query));
  if (result instanceof Raw) return { contentType: result.contentType, body: result.body, headers: {} };
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(result), headers: {} };
}

/** A cacheable route's answer to parsed parameters on the data `db` holds, kept with the request it answers. */
export function makeAnswer(
  route: Route,
  db: Db,
  parsed: { query: Record<string, unknown>; params: Record<string, unknown> },
  dataVersion: DataVersion,
  source: AnswerSource,
): CachedBody {
  const result = route.handle({ db, query: parsed.query, params: parsed.params, dataVersion });
  return { ...render(route, result, parsed.query), source };
}

/**
 * Makes again, on the data `db` holds, the answers a server has been giving: for each source, what its request
 * would get now. A request the data no longer answers (an area gone, say) is left out: it will be answered, or
 * refused, when it comes.
 */
export function remakeAnswers(
  db: Db,
  routes: readonly Route[],
  sources: readonly AnswerSource[],
  dataVersion: DataVersion,
): { key: string; answer: CachedBody }[] {
  const byPath = new Map(routes.map((route) => [route.path, route]));
  return sources.flatMap((source) => {
    const route = byPath.get(source.path);
    if (!route || route.cache === false) return [];
    try {
      const query = route.query.parse(source.query);
      const params = route.params ? route.params.parse(source.params) : {};
      const answer = makeAnswer(route, db, { query, params }, dataVersion, source);
      return [{ key: answerKey(route.path, params, query), answer }];
    } catch {
      return [];
    }
  });
}
