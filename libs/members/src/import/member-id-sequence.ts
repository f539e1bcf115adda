import { randomFillSync } from 'node:crypto';

/**
 * Time-ordered member ids (UUID version 7, RFC 9562: 48 bits of Unix milliseconds, a 12-bit
 * counter within the millisecond, 62 random bits). Members created by one import get ascending
 * ids, so their rows and their orders (keyed by member id first) go to the end of the indexes
 * instead of to random pages: random uuids make a large import slow down as the indexes outgrow
 * the buffer cache.
 */
export class MemberIdSequence {
  private lastMs = 0;
  private counter = 0;
  /** Random bytes drawn 8 KiB at a time: one call into the system's generator per 1,024 ids. */
  private readonly pool = Buffer.alloc(8 * 1024);
  private poolOffset = this.pool.length;

  next(): string {
    const now = Date.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = 0;
    } else if (++this.counter > 0xfff) {
      // More than 4,096 ids in one millisecond: borrow the next one to stay ascending.
      this.lastMs++;
      this.counter = 0;
    }
    if (this.poolOffset === this.pool.length) {
      randomFillSync(this.pool);
      this.poolOffset = 0;
    }
    const random = this.pool.subarray(this.poolOffset, (this.poolOffset += 8));
    random[0] = ((random[0] ?? 0) & 0x3f) | 0x80; // the RFC 9562 variant
    const tail = random.toString('hex');
    const time = this.lastMs.toString(16).padStart(12, '0');
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${this.counter.toString(16).padStart(3, '0')}-` +
      `${tail.slice(0, 4)}-${tail.slice(4, 16)}`
    );
  }
}
