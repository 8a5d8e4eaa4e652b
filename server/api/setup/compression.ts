import compression from 'compression';
import type { RequestHandler } from 'express';

/** gzip (or deflate) for responses over 1 KB when the client accepts it; sets Vary: Accept-Encoding. */
export function setUpCompression(): RequestHandler {
  return compression({ threshold: 1024 });
}
