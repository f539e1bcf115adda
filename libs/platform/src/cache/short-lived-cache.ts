/**
 * What a change in this process makes stale: every `ShortLivedValue` of the family, whichever
 * service instance holds it. Declare one per kind of data, at module level.
 */
export class CacheFamily {
  private generationCount = 0;

  get generation(): number {
    return this.generationCount;
  }

  /** Makes every value of the family stale, at once. */
  invalidate(): void {
    this.generationCount++;
  }
}

/**
 * A value read from the database for hot paths and kept in memory for up to `ttlMs`. A change
 * made through this process (`family.invalidate()`) applies to the very next read; one made by
 * another process (another API server, the worker) within `ttlMs`.
 */
export class ShortLivedValue<T> {
  private entry?: { value: T; loadedAt: number; generation: number };

  constructor(
    private readonly family: CacheFamily,
    private readonly ttlMs: number,
  ) {}

  async get(load: () => Promise<T>): Promise<T> {
    const hit = this.entry;
    if (
      hit &&
      hit.generation === this.family.generation &&
      performance.now() - hit.loadedAt < this.ttlMs
    ) {
      return hit.value;
    }
    const loading = { generation: this.family.generation, loadedAt: performance.now() };
    const value = await load();
    // A change that landed while reading may or may not be in what was read: keep it only if none did.
    if (loading.generation === this.family.generation) {
      this.entry = { value, ...loading };
    }
    return value;
  }
}

/** Freezes a value and everything it holds, so a cached value cannot be changed by a reader. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
  }
  return value;
}
