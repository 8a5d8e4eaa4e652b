import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every answer. The Content-Security-Policy allows scripts, styles, images and fetches from
 * this origin only: no inline script, no eval, no other site (the dashboard and its map are served from here).
 * Inline styles are allowed because the API's documentation page carries one stylesheet; no script can use that.
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
        frameAncestors: ["'none'"],
      },
    },
    // The server may be run over plain HTTP on a private network: do not pin browsers to HTTPS from here.
    strictTransportSecurity: false,
  });
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
