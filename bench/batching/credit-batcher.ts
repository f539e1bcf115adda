/**
 * Group commit for credits (bench/DESIGN-batching.md §3.1) through the API's own GroupCommit:
 * each of `lanes` connections, when free, takes everything queued up to `maxBatch` and writes it
 * in one transaction; a member has at most one credit in flight.
 */
import type { Pool } from 'pg';
import { GroupCommit, type ItemOutcome } from '@vafa/platform';
import { type BatchMode, creditBatch, type CreditItem, type CreditOutcome } from './batch-credit';

export class CreditBatcher {
  private readonly queue: GroupCommit<CreditItem, CreditOutcome>;

  constructor(
    private readonly pool: Pool,
    lanes: number,
    maxBatch: number,
    private readonly mode: BatchMode = 'set',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.queue = new GroupCommit(
      { lanes, maxBatch },
      (item) => item.memberId,
      (items) => this.write(items),
    );
  }

  /** Batches written, and the credits in them (for the mean batch size). */
  get batches(): number {
    return this.queue.batches;
  }

  get batchedItems(): number {
    return this.queue.items;
  }

  credit(item: CreditItem): Promise<CreditOutcome> {
    return this.queue.submit(item);
  }

  private async write(items: CreditItem[]): Promise<ItemOutcome<CreditOutcome>[]> {
    const client = await this.pool.connect();
    try {
      const outcomes = await creditBatch(client, items, this.now(), this.mode);
      client.release();
      return items.map((_, n) => ({ ok: true, value: outcomes[n] ?? { kind: 'conflict' } }));
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }
}
