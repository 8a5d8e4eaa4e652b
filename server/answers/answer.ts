/** An answer as it is sent: made once per request and data version, then kept (see cache.ts). */
export interface Answer {
  contentType: string;
  body: string;
  headers: Record<string, string>;
  /** The body gzipped, made the first time a client accepts gzip: a kept answer is compressed once. */
  gzip?: Buffer;
}
