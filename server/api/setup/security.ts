import type { IncomingMessage } from 'node:http';
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { NEVER_FRAMED, viewNamed } from '../../../common/views.js';

/**
 * A page any site may frame: the dashboard with ?embed=1 (its documented iframe form), but never a view that acts
 * on the data. Everything else, the API included, stays unframeable.
 */
export function isEmbedPage(req: Pick<IncomingMessage, 'url'>): boolean {
  // The path is '/' or '/index.html', told from the raw URL: asked twice of every request, most (the API's)
  // are answered without parsing it.
  if (!/^\/(?:index\.html)?(?:\?|$)/.test(req.url ?? '/')) return false;
  const url = new URL(req.url ?? '/', 'http://localhost');
  return (
    url.searchParams.get('embed') === '1' && !NEVER_FRAMED.includes(viewNamed(url.searchParams.get('view')))
  );
}

/**
 * Security headers on every answer. The Content-Security-Policy allows scripts, styles, images and fetches from
 * this origin only: no inline script, no eval, no other site (the dashboard and its map are served from here).
 * Inline styles are allowed because the API's documentation page carries one stylesheet; no script can use that.
 * Framing: an embed page (isEmbedPage) may be framed by any site; every other answer by none, and its
 * X-Frame-Options says the same (DENY), while an embed page has none, so that no browser reads a contradiction.
 */
export function setUpSecurityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: [(req) => (isEmbedPage(req) ? '*' : "'none'")],
      },
    },
    // The server may be run over plain HTTP on a private network: do not pin browsers to HTTPS from here.
    strictTransportSecurity: false,
    xFrameOptions: false,
  });
}

/** X-Frame-Options: DENY on everything but an embed page, which sends none (frame-ancestors * says it all). */
export function setUpFrameOptions(): RequestHandler {
  return (req, res, next) => {
    if (!isEmbedPage(req)) res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}

const openCors = cors({
  origin: '*',
  methods: ['GET', 'HEAD'],
  allowedHeaders: ['If-None-Match', 'X-Request-Id'],
  exposedHeaders: ['ETag', 'X-Request-Id', 'Content-Disposition'],
  maxAge: 600,
});

/** Any site may read the API (GET, HEAD and their preflight); nothing else is offered across origins. */
export function setUpCors(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      next();
      return;
    }
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    openCors(req, res, next);
  };
}
