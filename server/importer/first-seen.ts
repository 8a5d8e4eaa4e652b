// Small whole-number keys (URNs are at most 999,999) are found by indexing a typed array: a Map of 400,000
// numbers cost about a tenth of a large import's validation, hashing into a table that outgrows the cache.
const DIRECT_LIMIT = 1 << 20;

/** The line (1-based) on which each record key was first seen in a file. */
export class FirstSeen {
  // 0 means not seen: lines count from 1.
  private direct = new Int32Array(0);
  private readonly others = new Map<string | number, number>();

  get(key: string | number): number | undefined {
    if (isDirect(key)) return key < this.direct.length ? this.direct[key] || undefined : undefined;
    return this.others.get(key);
  }

  set(key: string | number, line: number): void {
    if (!isDirect(key)) {
      this.others.set(key, line);
      return;
    }
    if (key >= this.direct.length) {
      const grown = new Int32Array(
        Math.min(DIRECT_LIMIT, Math.max(1024, 2 ** Math.ceil(Math.log2(key + 1)))),
      );
      grown.set(this.direct);
      this.direct = grown;
    }
    this.direct[key] = line;
  }
}

function isDirect(key: string | number): key is number {
  return typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < DIRECT_LIMIT;
}
