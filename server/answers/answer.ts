/** An answer as it is sent: made once per question and data version, then kept (api/reads/). */
export interface Answer {
  contentType: string;
  body: string;
  headers: Record<string, string>;
  /** Judged as of today (progress without as_at): true until the day ends, so never kept longer than that. */
  today?: boolean;
  /** The body as bytes (UTF-8), made the first time it is sent: a kept answer is encoded once. */
  bytes?: Buffer;
  /** The body gzipped, made the first time a client accepts gzip: a kept answer is compressed once. */
  gzip?: Buffer;
}
