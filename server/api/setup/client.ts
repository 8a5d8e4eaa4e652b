import { join } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import { PROJECT_ROOT } from '../../paths.js';

/** Where `npm run build:client` (and `npm start`, when the build is missing or stale) writes the dashboard. */
export const CLIENT_DIR = join(PROJECT_ROOT, 'dist/client');

/**
 * Serves the built dashboard at `/`: index.html is revalidated on every load (it names the current bundle), the
 * content-hashed files under /assets are cached for a year. A missing build falls through to the 404.
 */
export function setUpClient(dir: string = CLIENT_DIR): RequestHandler {
  const router = Router();
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  router.use(
    express.static(dir, {
      index: 'index.html',
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
