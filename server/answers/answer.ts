/** An answer as it is sent: made once per request and data version, then kept (see cache.ts). */
export interface Answer {
  contentType: string;
  body: string;
  headers: Record<string, string>;
  /** Judged as of today (progress without as_at): true until the day ends, so never kept longer than that. */
  today?: boolean;
  /** The body gzipped, made the first time a client accepts gzip: a kept answer is compressed once. */
  gzip?: Buffer;
}

/**
 * One URL's response as the full request path sent it, for one Accept-Encoding: its headers (names as written)
 * and body, to send again as they were (api/replay.ts). Kept per URL, never per answer: URLs that share an answer
 * (pinned or not) differ in their headers.
 */
export interface SentAnswer {
  headers: Record<string, string | number | string[]>;
  body: string | Buffer;
  /** Cache-Control is worked out again on each sending (max-age may run to the end of the day). */
  cacheKind: 'versioned' | 'unversioned';
  /** Room it takes in the cache: its body, headers and key. */
  bytes: number;
}
