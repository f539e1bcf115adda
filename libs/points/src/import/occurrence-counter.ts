const INITIAL_CAPACITY = 1 << 16;

/**
 * Counts how often each string has been seen, in a fixed amount of memory per string: each one
 * is kept as a 64-bit fingerprint in typed arrays (an open-addressing hash table), not as a
 * JavaScript string in a Map. An import of millions of rows counts one key per row; a Map of
 * them grows to gigabytes and keeps the garbage collector busy for a third of the run.
 *
 * Two different strings share a fingerprint with a probability of about n² / 2⁶⁵ (one in four
 * million for a file of 3 million rows); they are then counted as one.
 */
export class OccurrenceCounter {
  private capacity = INITIAL_CAPACITY;
  private size = 0;
  private high = new Int32Array(this.capacity);
  private low = new Int32Array(this.capacity);
  /** 0 marks an empty slot. */
  private counts = new Uint32Array(this.capacity);

  /** Counts one more occurrence of `key` and returns how many there have been, this one included. */
  add(key: string): number {
    const [h1, h2] = fingerprint(key);
    const slot = this.find(h1, h2);
    const seen = this.counts[slot] ?? 0;
    if (seen === 0) {
      this.high[slot] = h1;
      this.low[slot] = h2;
      this.size++;
    }
    this.counts[slot] = seen + 1;
    if (this.size * 2 > this.capacity) {
      this.grow();
    }
    return seen + 1;
  }

  private find(h1: number, h2: number): number {
    const mask = this.capacity - 1;
    let slot = h2 & mask;
    while (this.counts[slot] !== 0 && (this.high[slot] !== h1 || this.low[slot] !== h2)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private grow(): void {
    const { high, low, counts } = this;
    this.capacity *= 2;
    this.high = new Int32Array(this.capacity);
    this.low = new Int32Array(this.capacity);
    this.counts = new Uint32Array(this.capacity);
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i] ?? 0;
      if (count === 0) {
        continue;
      }
      const h1 = high[i] ?? 0;
      const h2 = low[i] ?? 0;
      const slot = this.find(h1, h2);
      this.high[slot] = h1;
      this.low[slot] = h2;
      this.counts[slot] = count;
    }
  }
}

/**
 * Two 32-bit hashes of the string's UTF-16 code units (the mixing of cyrb53, a public-domain
 * string hash, with both 32-bit lanes kept instead of 53 bits of them).
 */
export function fingerprint(key: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 | 0, h2 | 0];
}
