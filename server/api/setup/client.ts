import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request, type RequestHandler } from 'express';
import { PROJECT_ROOT } from '../../paths.js';
import { isFramable, viewNamed } from '../../../common/views.js';
import { cacheControl } from '../cache-control.js';

/** Where `npm run build:client` (and `npm start`, when the build is missing or stale) writes the dashboard. */
export const CLIENT_DIR = join(PROJECT_ROOT, 'dist/client');

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * oEmbed discovery: a CMS given a link reads the page (without running it) for this <link>, which names the
 * endpoint that answers with the iframe for exactly that link.
 */
export function oembedLink(req: Request): string {
  const page = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
  const endpoint = `${req.protocol}://${req.get('host') ?? 'localhost'}/api/oembed?url=${encodeURIComponent(page)}`;
  return `<link rel="alternate" type="application/json+oembed" href="${attribute(endpoint)}" />`;
}

/**
 * index.html with the discovery link of the page asked for; read again only when the build changes. Revalidated
 * on every load (it names the current bundle) by an ETag of what is sent, so a revalidation costs a 304; the admin
 * view is never stored anywhere.
 */
function servePage(dir: string): RequestHandler {
  const file = join(dir, 'index.html');
  let kept: { mtime: number; html: string } | null = null;
  return (req, res, next) => {
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      next(); // no build: the 404
      return;
    }
    if (kept?.mtime !== mtime) kept = { mtime, html: readFileSync(file, 'utf8') };
    const view = viewNamed(new URL(req.originalUrl, 'http://localhost').searchParams.get('view'));
    const link = isFramable(view) ? `  ${oembedLink(req)}\n  ` : '';
    const html = kept.html.replace('</head>', `${link}</head>`);
    const etag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
    // res.send answers 304 itself when the request's If-None-Match names this ETag.
    res
      .set({ 'Cache-Control': cacheControl(view === 'admin' ? 'never' : 'revalidate'), ETag: etag })
      .type('html')
      .send(html);
  };
}

/**
 * Serves the built dashboard at `/`: index.html is revalidated on every load (it names the current bundle), the
 * content-hashed files under /assets are cached for a year. A missing build falls through to the 404.
 */
export function setUpClient(dir: string = CLIENT_DIR): RequestHandler {
  const router = Router();
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      index: false,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', cacheControl('asset')),
    }),
  );
  router.get(['/', '/index.html'], servePage(dir));
  router.use(
    express.static(dir, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', cacheControl('revalidate')),
    }),
  );
  return router;
}
