// A read, start to end: the data version it is answered from, the question parsed, the answer from the cache or
// made on one snapshot and kept, its caching headers, a 304 when the client has it, and gzip made once.
import type { Express, Request, Response } from 'express';
import fresh from 'fresh';
import { gzipSync } from 'node:zlib';
import type { Db } from '../../db/gateway.js';
import { dataVersion, versionToken } from '../../db/queries/data-version.js';
import { newerDataNote } from '../../../common/data-version.js';
import { HttpError, shown } from '../../answers/errors.js';
import { type Answer, answerKey, makeAnswer, type Parsed } from '../../answers/make.js';
import type { Route } from '../../answers/route-spec.js';
import { today } from '../../answers/today.js';
import { type CacheKind, cacheControl } from '../cache-control.js';
import type { AnswerCache } from './answer-cache.js';
import type { KeptVersions } from './kept-versions.js';

export interface Reading {
  db: Db;
  answers: AnswerCache;
  /** Earlier data versions, each answered from its own read-only copy. */
  kept: KeptVersions;
}

const GZIP_FROM_BYTES = 1024;
// Level 4 rather than zlib's default 6: a quarter of the time on the largest answers (the 294 KB boundaries: about
// 6 ms instead of 20, made on the first request of each data version) for 4% more bytes.
const GZIP_LEVEL = 4;

// Names this server process in ETags: a restart (a deploy, perhaps with a fix to how a figure is computed) makes
// every client's copy of an unpinned answer be sent again once, rather than revalidated as unchanged.
const STARTED = Date.now().toString(36);

/** Can this answer be sent gzipped to some client? Then every client is told that it varies by Accept-Encoding. */
const negotiable = (answer: Answer) => answer.body.length >= GZIP_FROM_BYTES;

/**
 * Sends an answer, gzipped when it is large enough and the client takes gzip. Its bytes, plain and gzipped, are
 * made once and kept with the answer; they are written as they are (Node's res.end, not Express's res.send, which
 * would encode the text again and work out freshness a second time on every read).
 */
function send(req: Request, res: Response, answer: Answer): void {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', answer.contentType);
  let body = (answer.bytes ??= Buffer.from(answer.body));
  if (negotiable(answer)) {
    res.vary('Accept-Encoding');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      body = answer.gzip ??= gzipSync(body, { level: GZIP_LEVEL });
      res.setHeader('Content-Encoding', 'gzip');
    }
  }
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

function parse(route: Route, query: Record<string, unknown>, req: Request): Parsed {
  return {
    query: route.query.parse(query, { reportInput: true }),
    params: route.params ? route.params.parse(req.params, { reportInput: true }) : {},
  };
}

/** The uncached routes (/healthz, oEmbed): made for every request, never kept. */
function serveUncached(route: Route, db: Db) {
  return (req: Request, res: Response): void => {
    res.set('Cache-Control', cacheControl('never'));
    send(req, res, makeAnswer(route, db, parse(route, req.query, req), req.get('host')).answer);
  };
}

/**
 * The answer to a question on the data version `v` held by `db`: kept, or made now and kept under the version it
 * was made on (on the live database an import may have committed since `v` was read).
 */
function answerOf(
  route: Route,
  parsed: Parsed,
  v: string,
  db: Db,
  answers: AnswerCache,
): { answer: Answer; v: string } {
  const key = answerKey(route.path, parsed);
  const day = route.judgedToday?.(parsed.query) ? ` ${today()}` : '';
  const kept = answers.get(`${v}${day} ${key}`);
  if (kept) return { answer: kept, v };
  const made = makeAnswer(route, db, parsed);
  const madeV = versionToken(made.version); // an import may have committed since: the snapshot's version
  answers.set(`${madeV}${day} ${key}`, made.answer);
  return { answer: made.answer, v: madeV };
}

/** A kept version's `v`, checked: any other `v` gets a 404 in the one error shape. */
function keptVersion(v: unknown, { kept }: Reading): string {
  if (typeof v === 'string' && kept.has(v)) return v;
  throw new HttpError(
    404,
    `data version ${shown(v)} is not kept: GET /api/v1/versions lists the versions kept, ` +
      'and a URL without v answers from the current one',
  );
}

/** How long any cache may keep this answer (see CacheKind). */
function kindOf(route: Route, pinned: boolean, answer: Answer): CacheKind {
  if (route.shared === false) return 'never';
  if (!pinned) return 'unversioned';
  return answer.today ? 'versioned-today' : 'versioned';
}

/**
 * The answer a URL names: on the current version (none given, or the current one named), from the live database;
 * on an older one, or one an import replaced while the answer was made, from its kept copy, with the version that
 * is now the latest.
 */
function answerNamed(
  route: Route,
  parsed: Parsed,
  v: unknown,
  reading: Reading,
): { answer: Answer; v: string; latest?: string } {
  const current = versionToken(dataVersion(reading.db));
  const live =
    v === undefined || v === current ? answerOf(route, parsed, current, reading.db, reading.answers) : null;
  if (live !== null && (v === undefined || v === live.v)) return live;
  const old = keptVersion(v, reading);
  return {
    ...answerOf(route, parsed, old, reading.kept.open(old)!, reading.answers),
    latest: live?.v ?? current,
  };
}

/**
 * A read: the answer kept for this data version and question, or made and kept; a 304 (`fresh`) only for an
 * answer that exists, since an error is never kept and a request that fails fails again.
 */
function serve(route: Route, reading: Reading) {
  return (req: Request, res: Response): void => {
    const { v, ...query } = req.query as Record<string, unknown>;
    const { answer, v: madeOn, latest } = answerNamed(route, parse(route, query, req), v, reading);
    if (latest !== undefined) {
      const url = `${req.path}?${new URLSearchParams({ ...(query as Record<string, string>), v: latest })}`;
      res.set({ Link: `<${url}>; rel="latest-version"`, 'X-Data-Note': newerDataNote(madeOn, latest) });
    }
    const etag = `W/"${madeOn}${answer.today ? `.${today()}` : ''}.${STARTED}"`;
    res.set({
      'X-Data-Version': madeOn,
      ETag: etag,
      'Cache-Control': cacheControl(kindOf(route, v !== undefined, answer)),
    });
    if (negotiable(answer)) res.vary('Accept-Encoding');
    // `fresh` rather than req.fresh, which also says stale when the request says Cache-Control: no-cache: that asks
    // caches to check with this server, and the check is this (fetch() sends it with every If-None-Match).
    if (fresh({ 'if-none-match': req.get('If-None-Match') }, { etag })) {
      res.status(304).end();
      return;
    }
    send(req, res, answer);
  };
}

/** Mounts every read as GET (and HEAD). */
export function mountReads(app: Express, routes: readonly Route[], reading: Reading): void {
  for (const route of routes)
    app.get(route.path, route.cache === false ? serveUncached(route, reading.db) : serve(route, reading));
}
