/**
 * Values by key for the latest few data versions ("stamps", the ETags that name them): requests still answered
 * from the old version keep their values while the new version's are put in place beside them. Past maxSize the
 * least recently used values go first, oldest version first.
 */
export class StampedCache<V> {
  // Map order is age: the first generation is the oldest, and within one the first key the least recently used.
  private readonly generations = new Map<string, Map<string, V>>();
  private size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number,
    private readonly versionsKept = 2,
  ) {}

  get(stamp: string, key: string): V | undefined {
    const generation = this.generations.get(stamp);
    const hit = generation?.get(key);
    if (hit !== undefined) {
      generation!.delete(key);
      generation!.set(key, hit);
    }
    return hit;
  }

  set(stamp: string, key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.maxSize) return;
    const generation = this.generation(stamp);
    const old = generation.get(key);
    if (old !== undefined) {
      this.size -= this.sizeOf(old);
      generation.delete(key);
    }
    while (this.size + size > this.maxSize) this.evictOne();
    generation.set(key, value);
    this.size += size;
  }

  /** Every value kept for a version, least recently used first. */
  values(stamp: string): V[] {
    return [...(this.generations.get(stamp)?.values() ?? [])];
  }

  /** The versions kept, oldest first. */
  get stamps(): string[] {
    return [...this.generations.keys()];
  }

  get count(): number {
    let n = 0;
    for (const generation of this.generations.values()) n += generation.size;
    return n;
  }

  private generation(stamp: string): Map<string, V> {
    let generation = this.generations.get(stamp);
    if (!generation) {
      generation = new Map();
      this.generations.set(stamp, generation);
      while (this.generations.size > this.versionsKept) this.dropOldest();
    }
    return generation;
  }

  private dropOldest(): void {
    const [stamp, generation] = this.generations.entries().next().value!;
    for (const value of generation.values()) this.size -= this.sizeOf(value);
    this.generations.delete(stamp);
  }

  private evictOne(): void {
    for (const [stamp, generation] of this.generations) {
      const oldest = generation.entries().next();
      if (oldest.done) {
        this.generations.delete(stamp);
        continue;
      }
      const [key, value] = oldest.value;
      generation.delete(key);
      this.size -= this.sizeOf(value);
      return;
    }
  }
}
