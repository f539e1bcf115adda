/**
 * What is waiting for a health ping, oldest first. One timer, running only while something
 * waits, hands whatever has waited `limitMs` to `late`: no timer and no promise race per request
 * (at thousands of /health calls a second those were a measurable share of the answer's cost).
 * A wait ends `limitMs` to 1.25 × `limitMs` after it began.
 */
export class PingsOut<K> {
  private readonly waiting = new Map<K, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limitMs: number,
    private readonly late: (key: K) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(key: K): void {
    this.waiting.set(key, this.now());
    if (!this.timer) {
      this.timer = setInterval(() => this.sweep(), this.limitMs / 4);
      this.timer.unref();
    }
  }

  /** True when `key` was still waiting (its answer is the caller's); false once it was late. */
  settle(key: K): boolean {
    return this.waiting.delete(key);
  }

  private sweep(): void {
    const cutoff = this.now() - this.limitMs;
    // Insertion order is start order, so the first one still in time ends the sweep.
    for (const [key, started] of this.waiting) {
      if (started > cutoff) {
        break;
      }
      this.waiting.delete(key);
      this.late(key);
    }
    if (this.waiting.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
