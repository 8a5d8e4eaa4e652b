import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { isFramable, viewNamed } from '../../../common/views.js';

/**
 * A page any site may frame: the dashboard with ?embed=1 (its documented iframe form) of a view made for a frame
 * (common/views.ts FRAMABLE_VIEWS). Everything else, the API included, stays unframeable.
 */
export function isEmbedPage(req: Pick<IncomingMessage, 'url'>): boolean {
  // The path is '/' or '/index.html', told from the raw URL: asked of every request, most (the API's) are
  // answered without parsing it.
  if (!/^\/(?:index\.html)?(?:\?|$)/.test(req.url ?? '/')) return false;
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get('embed') === '1' && isFramable(viewNamed(url.searchParams.get('view')));
}

// The Content-Security-Policy: scripts, styles, images and fetches from this origin only, no inline script, no
// eval, no other site (the dashboard and its map are served from here). Inline styles are allowed because the API's
// documentation page carries one stylesheet; no script can use that.
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join(';');
const FRAMED_BY_ANY = `${POLICY};frame-ancestors *`;
const FRAMED_BY_NONE = `${POLICY};frame-ancestors 'none'`;

// The rest, as helmet's defaults had them; not Strict-Transport-Security: the server may be run over plain HTTP on
// a private network, so it does not pin browsers to HTTPS (SECURITY.md: set it where TLS ends).
const ALWAYS: readonly [string, string][] = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * Security headers on every answer, all fixed strings but for framing. An embed page (isEmbedPage) may be framed
 * by any site and sends no X-Frame-Options, so that no browser reads a contradiction; every other answer may be
 * framed by none, and says so twice. One function rather than helmet's ten middlewares, which rebuilt the policy
 * on every request: this runs on every read (docs/benchmarks.md).
 */
export function setUpSecurityHeaders(): RequestHandler {
  return (req, res, next) => {
    for (const [name, value] of ALWAYS) res.setHeader(name, value);
    if (isEmbedPage(req)) {
      res.setHeader('Content-Security-Policy', FRAMED_BY_ANY);
    } else {
      res.setHeader('Content-Security-Policy', FRAMED_BY_NONE);
      res.setHeader('X-Frame-Options', 'DENY');
    }
    next();
  };
}

// Any site may read the API: answers name no credentials, so '*' (never an echoed Origin) is enough.
const READABLE_ANYWHERE: readonly [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', 'ETag,X-Request-Id,Content-Disposition'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
];
const PREFLIGHT: readonly [string, string][] = [
  ['Access-Control-Allow-Methods', 'GET,HEAD'],
  ['Access-Control-Allow-Headers', 'If-None-Match,X-Request-Id'],
  ['Access-Control-Max-Age', '600'],
];

/**
 * Any site may read the API (GET, HEAD and their preflight, answered here with a 204); nothing else is offered
 * across origins. Fixed headers set as they are, rather than through the cors package's options merged anew on
 * every read.
 */
export function setUpCors(): RequestHandler {
  return (req, res, next) => {
    const preflight = req.method === 'OPTIONS';
    if (!preflight && req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    for (const [name, value] of READABLE_ANYWHERE) res.setHeader(name, value);
    if (!preflight) {
      next();
      return;
    }
    for (const [name, value] of PREFLIGHT) res.setHeader(name, value);
    // A 204 with Content-Length 0: Safari waits for a body otherwise.
    res.statusCode = 204;
    res.setHeader('Content-Length', '0');
    res.end();
  };
}
