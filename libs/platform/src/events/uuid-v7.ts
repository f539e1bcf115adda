import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * Random bytes drawn many ids at a time, as Node's randomUUID does: one call into OpenSSL (which
 * also asks the kernel for the process id, to notice a fork) per 256 ids instead of two per id.
 */
const RANDOM = Buffer.alloc(16 * 256);
let randomAt = RANDOM.length;

function randomBytesFromPool(size: number): Buffer {
  if (randomAt + size > RANDOM.length) {
    randomFillSync(RANDOM);
    randomAt = 0;
  }
  const bytes = Buffer.from(RANDOM.subarray(randomAt, randomAt + size));
  randomAt += size;
  return bytes;
}

/**
 * A UUID version 7 (RFC 9562): a millisecond timestamp, then a counter that keeps ids made in
 * the same millisecond by this process in creation order, then random bits. Events of one
 * transaction are listed in id order, so they read in the order they were emitted.
 */
export function uuidV7(now: number = Date.now()): string {
  const bytes = randomBytesFromPool(16);
  if (now > lastMs) {
    lastMs = now;
    counter = randomBytesFromPool(2).readUInt16BE(0) & 0x7ff; // leaves room for 2,048 more in this ms
  } else if (++counter > 0xfff) {
    lastMs += 1; // ran out within one millisecond: borrow the next one
    counter = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
