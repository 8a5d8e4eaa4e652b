import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError, type z } from 'zod';
import { NotFoundError, ParameterError } from '../analytics/errors.js';
import { QueryError } from '../db/gateway.js';
import { redactUrl, type UrlRedactor } from './secrets.js';
import {
  type ErrorBody,
  type ErrorDetail,
  HttpError,
  badRequest,
  notFound,
  shown,
} from '../answers/errors.js';
import { cacheControl } from './cache-control.js';

export { HttpError, badRequest, notFound, shown };
export type { ErrorBody, ErrorDetail };

function issueDetails(issue: z.core.$ZodIssue): ErrorDetail[] {
  if (issue.code === 'unrecognized_keys') {
    const input = (issue.input ?? {}) as Record<string, unknown>;
    return issue.keys.map((key) => ({
      parameter: key,
      value: input[key],
      message: `${key}: ${issue.message}`,
    }));
  }
  const parameter = issue.path.map(String).join('.');
  const detail: ErrorDetail = { message: parameter ? `${parameter}: ${issue.message}` : issue.message };
  if (parameter) detail.parameter = parameter;
  if (issue.input !== undefined) detail.value = issue.input;
  return [detail];
}

/** A failed validation as a 400: the message names each parameter and the value it was given. */
export function fromZod(error: ZodError): HttpError {
  const details = error.issues.flatMap(issueDetails);
  return badRequest(details.map((d) => d.message).join('; '), details);
}

// Errors raised by Express and body-parser carry a status and say whether their message may be shown.
interface StatusError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  type?: unknown;
  limit?: unknown;
  message?: unknown;
}

function fromStatusError(error: StatusError): HttpError | undefined {
  const status = Number(error.status ?? error.statusCode);
  if (!Number.isInteger(status) || status < 400 || status > 499) return undefined;
  if (error.type === 'entity.too.large') {
    return new HttpError(413, `request body is larger than the limit of ${String(error.limit)} bytes`);
  }
  if (error.type === 'entity.parse.failed') return badRequest('request body is not valid JSON');
  const message = error.expose === true && typeof error.message === 'string' ? error.message : 'Bad request';
  return new HttpError(status, message);
}

// Express's router could not percent-decode a path parameter (/api/v1/council-areas/%C0%AF): its error hides the
// value behind 'Bad request'. The value is the client's own, named as every bad value is.
const UNDECODABLE = /^Failed to decode param '(.*)'$/s;

function undecodable(error: URIError): HttpError | undefined {
  const value = UNDECODABLE.exec(error.message)?.[1];
  if (value === undefined) return undefined;
  return badRequest(`${shown(value)} in the path is not valid percent-encoded UTF-8`);
}

/** Classifies anything thrown: a client's error, or undefined for our own fault (a 500). */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof URIError) return undecodable(error) ?? fromStatusError(error);
  if (error instanceof ZodError) return fromZod(error);
  if (error instanceof NotFoundError) return notFound(error.message);
  if (error instanceof ParameterError) {
    return badRequest(error.message, [
      { parameter: error.parameter, value: error.value, message: error.message },
    ]);
  }
  if (error instanceof QueryError) return undefined;
  if (error !== null && typeof error === 'object') return fromStatusError(error as StatusError);
  return undefined;
}

export type Log = (line: string) => void;

/** The 404 for every path no route claims, in the error shape. */
export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(notFound(`no such route: ${req.method} ${req.path}`));
};

function describeFault(error: unknown): string {
  const lines = [
    error instanceof Error ? (error.stack ?? error.message) : `non-error thrown: ${String(error)}`,
  ];
  if (error instanceof QueryError) {
    lines.push(
      `  sql: ${error.sql.replace(/\s+/g, ' ').trim()}`,
      `  params: ${JSON.stringify(error.params)}`,
    );
    if (error.cause instanceof Error && error.cause.stack) lines.push(`  cause: ${error.cause.stack}`);
  }
  return lines.join('\n');
}

/**
 * Whether the request still has body to come that nobody read: Node would read all of it after the answer, to use
 * the connection again (5.8 GB after a 401, probed), so such a connection is closed instead.
 */
function bodyStillComing(req: Request): boolean {
  if (req.complete) return false;
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/** The one error handler: the error shape for clients; for our own faults, details go to the log only. */
export function errorHandler(
  log: Log,
  redact: UrlRedactor = redactUrl,
  onFault?: (error: unknown) => void,
): ErrorRequestHandler {
  return (error, req, res, next) => {
    onFault?.(error);
    if (res.headersSent) {
      next(error);
      return;
    }
    let http = toHttpError(error);
    if (!http) {
      log(`[${req.id}] ${req.method} ${redact(req.originalUrl)} -> 500\n${describeFault(error)}`);
      http = new HttpError(500, 'Internal server error');
    }
    const body: ErrorBody = { error: { status: http.status, message: http.message, details: http.details } };
    res.removeHeader('ETag');
    res.removeHeader('Content-Disposition');
    res.set({ ...http.headers, 'Cache-Control': cacheControl('never') });
    if (bodyStillComing(req)) res.set('Connection', 'close');
    res.status(http.status).json(body);
  };
}
