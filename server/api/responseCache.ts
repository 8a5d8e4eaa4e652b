/** A response already serialised: what the registry sends again for the same request and data. */
export interface CachedBody {
  contentType: string;
  body: string;
  headers: Record<string, string>;
  /** The body gzipped, made the first time a client accepts gzip: a cached answer is compressed once. */
  gzip?: Buffer;
}

/**
 * Serialised answers by request, for one data version at a time (the ETag names it): analytics run once per
 * distinct request per import. Least recently used answers go first once maxBytes is reached.
 */
export class ResponseCache {
  private stamp = '';
  private bytes = 0;
  private readonly entries = new Map<string, CachedBody>();

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(stamp: string, key: string): CachedBody | undefined {
    if (stamp !== this.stamp) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(stamp: string, key: string, value: CachedBody): void {
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.bytes = 0;
      this.stamp = stamp;
    }
    const size = value.body.length * 2; // the text, and room for its gzip
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length * 2;
      this.entries.delete(key);
    }
    while (this.bytes + size > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, CachedBody];
      this.entries.delete(oldestKey);
      this.bytes -= oldest.body.length * 2;
    }
    this.entries.set(key, value);
    this.bytes += size;
  }

  get size(): number {
    return this.entries.size;
  }
}
