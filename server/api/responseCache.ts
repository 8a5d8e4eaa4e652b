import { StampedCache } from './stampedCache.js';

/** Where an answer came from: enough to make it again on other data (the raw parameters, as a client sent them). */
export interface AnswerSource {
  path: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
}

/** A response already serialised: what the registry sends again for the same request and data. */
export interface CachedBody {
  contentType: string;
  body: string;
  headers: Record<string, string>;
  /** The body gzipped, made the first time a client accepts gzip: a cached answer is compressed once. */
  gzip?: Buffer;
  /** Set on answers of cacheable routes, so that they can be made ready for the next data version. */
  source?: AnswerSource;
}

/**
 * Serialised answers by request and data version (the ETag names it): analytics run once per distinct request
 * per import. Room is counted as twice the text, for its gzip.
 */
export class ResponseCache extends StampedCache<CachedBody> {
  constructor(maxBytes = 64 * 1024 * 1024) {
    super(maxBytes, (answer) => answer.body.length * 2);
  }
}
