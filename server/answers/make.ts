import { type Db, snapshotRead } from '../db/gateway.js';
import { dataVersion as currentDataVersion, type DataVersion } from '../db/queries/data-version.js';
import type { Answer } from './answer.js';
import { csvResponse } from './csv.js';
import type { Provenance } from './newer-data.js';
import { Raw } from './raw.js';
import type { Route } from './route-spec.js';

export type { Answer };

export interface Parsed {
  query: Record<string, unknown>;
  params: Record<string, unknown>;
}

/** Names a request once parsed: the same key on the same data gives the same answer. */
export function answerKey(path: string, parsed: Parsed): string {
  return `${path} ${JSON.stringify(parsed.params)} ${JSON.stringify(parsed.query)}`;
}

/**
 * A route's result as the bytes to send: CSV when asked for and offered, a Raw body as it is, else JSON, which
 * ends with the answer's provenance when it has one (CSV and Raw bodies have no place for it: headers say it).
 */
export function render(
  route: Route,
  result: unknown,
  query: Record<string, unknown>,
  provenance?: Provenance,
): Answer {
  if (route.csv && query.format === 'csv') return csvResponse(route.csv(result, query));
  if (result instanceof Raw) return { contentType: result.contentType, body: result.body, headers: {} };
  const json = provenance && isRecord(result) ? { ...result, provenance } : result;
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(json), headers: {} };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A route's answer to parsed parameters, made on one snapshot of the database with the version of that snapshot
 * (an import may commit between a request's arrival and its answer: the answer names the data it is of). An
 * answer on a kept older version is given its provenance (newer-data.ts).
 */
export function makeAnswer(
  route: Route,
  db: Db,
  parsed: Parsed,
  options: { host?: string | undefined; provenance?: Provenance | undefined } = {},
): { version: DataVersion; answer: Answer } {
  const { host, provenance } = options;
  return snapshotRead(db, () => {
    const version = currentDataVersion(db);
    const result = route.handle({ db, ...parsed, dataVersion: version, host });
    const answer = render(route, result, parsed.query, provenance);
    if (route.judgedToday?.(parsed.query)) answer.today = true;
    return { version, answer };
  });
}
