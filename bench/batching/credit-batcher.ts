/**
 * Group commit for credits (bench/DESIGN-batching.md §3.1): requests queue in the process; each
 * of `lanes` connections, when free, takes everything queued up to `maxBatch` and writes it in one
 * transaction. No timer: at low load a request finds a free lane and goes alone; batches only form
 * while the lanes are busy, so they grow and shrink with the load. A member has at most one credit
 * in flight (a later one waits for a later batch), which keeps per-member order and the upserts
 * legal.
 */
import type { Pool } from 'pg';
import { type BatchMode, creditBatch, type CreditItem, type CreditOutcome } from './batch-credit';

interface Waiting {
  item: CreditItem;
  resolve: (outcome: CreditOutcome) => void;
  reject: (error: unknown) => void;
}

export class CreditBatcher {
  private queue: Waiting[] = [];
  private readonly membersInFlight = new Set<string>();
  private freeLanes: number;
  /** Batches written, and the credits in them (for the mean batch size). */
  batches = 0;
  batchedItems = 0;

  constructor(
    private readonly pool: Pool,
    lanes: number,
    private readonly maxBatch: number,
    private readonly mode: BatchMode = 'set',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.freeLanes = lanes;
  }

  credit(item: CreditItem): Promise<CreditOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.freeLanes > 0 && this.queue.length > 0) {
      const batch: Waiting[] = [];
      const later: Waiting[] = [];
      for (const waiting of this.queue) {
        const member = waiting.item.memberId;
        if (batch.length < this.maxBatch && !this.membersInFlight.has(member)) {
          this.membersInFlight.add(member);
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
      void this.write(batch).finally(() => {
        for (const waiting of batch) {
          this.membersInFlight.delete(waiting.item.memberId);
        }
        this.freeLanes++;
        this.pump();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    this.batches++;
    this.batchedItems += batch.length;
    const client = await this.pool.connect();
    try {
      const outcomes = await creditBatch(
        client,
        batch.map((w) => w.item),
        this.now(),
        this.mode,
      );
      client.release();
      batch.forEach((waiting, n) => waiting.resolve(outcomes[n] ?? { kind: 'conflict' }));
    } catch (error) {
      client.release(error as Error);
      for (const waiting of batch) {
        waiting.reject(error);
      }
    }
  }
}
