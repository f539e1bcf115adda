/** How one item of a batch came out: its own answer, or its own refusal. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Batches written at the same time (each holds one database connection while it runs). */
  lanes: number;
  /** The most items one batch takes. */
  maxBatch: number;
}

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit (bench/DESIGN-batching.md §3.1): items queue in the process; each of `lanes`
 * writers, when free, takes everything queued up to `maxBatch` and writes it as one batch. No
 * timer: at low load an item finds a free lane and goes alone, and batches only form while the
 * lanes are busy, so they grow and shrink with the load. Items with the same key (a member) are
 * never in flight together: a later one waits for a later batch, which keeps their order and lets
 * a batch's set-based statements touch each key's rows once.
 */
export class GroupCommit<T, R> {
  private queue: Waiting<T, R>[] = [];
  private readonly keysInFlight = new Set<string>();
  private freeLanes: number;
  /** Batches written, and the items in them (their mean size is what batching saves). */
  batches = 0;
  items = 0;

  constructor(
    private readonly options: GroupCommitOptions,
    private readonly keyOf: (item: T) => string,
    /** Writes a batch; answers each item's outcome in the batch's order, or fails them all. */
    private readonly write: (items: T[]) => Promise<ItemOutcome<R>[]>,
  ) {
    this.freeLanes = options.lanes;
  }

  /** Items queued for a lane now. */
  get waiting(): number {
    return this.queue.length;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.freeLanes > 0 && this.queue.length > 0) {
      const batch: Waiting<T, R>[] = [];
      const later: Waiting<T, R>[] = [];
      for (const waiting of this.queue) {
        const key = this.keyOf(waiting.item);
        if (batch.length < this.options.maxBatch && !this.keysInFlight.has(key)) {
          this.keysInFlight.add(key);
          batch.push(waiting);
        } else {
          later.push(waiting);
        }
      }
      this.queue = later;
      if (batch.length === 0) {
        return;
      }
      this.freeLanes--;
      void this.run(batch).finally(() => {
        for (const waiting of batch) {
          this.keysInFlight.delete(this.keyOf(waiting.item));
        }
        this.freeLanes++;
        this.pump();
      });
    }
  }

  private async run(batch: Waiting<T, R>[]): Promise<void> {
    this.batches++;
    this.items += batch.length;
    try {
      const outcomes = await this.write(batch.map((w) => w.item));
      batch.forEach((waiting, n) => {
        const outcome = outcomes[n];
        if (!outcome) {
          waiting.reject(new Error('the batch gave this item no outcome'));
        } else if (outcome.ok) {
          waiting.resolve(outcome.value);
        } else {
          waiting.reject(outcome.error);
        }
      });
    } catch (error) {
      for (const waiting of batch) {
        waiting.reject(error);
      }
    }
  }
}
