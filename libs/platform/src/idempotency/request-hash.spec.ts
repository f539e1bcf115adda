import { createHash } from 'node:crypto';
import { requestHash } from './idempotency';

/** The first implementation: stored requests hold its hashes, so a retry must still match. */
function firstRequestHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object' && !(v instanceof Date)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const KEYS = [
  'b',
  'a',
  'sku',
  '10',
  '2',
  '0',
  'Z',
  'é',
  'long key',
  '4294967295',
  '4294967294',
  '01',
  '',
];

function anyValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 8 : 10));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return Math.floor(next() * 2000) - 1000;
    case 3:
      return next() * 10;
    case 4:
      return next() > 0.5;
    case 5:
      return [`s${Math.floor(next() * 100)}`, `"\\\n☃\u0001`, '😀 \ud800 lone', ''][
        Math.floor(next() * 4)
      ];
    case 6:
      return new Date(1_700_000_000_000 + Math.floor(next() * 1e9));
    case 7:
      return [NaN, Infinity, -0][Math.floor(next() * 3)];
    case 8:
      return Array.from({ length: Math.floor(next() * 4) }, () => anyValue(next, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--) {
        object[KEYS[Math.floor(next() * KEYS.length)] ?? 'k'] = anyValue(next, depth + 1);
      }
      return object;
    }
  }
}

describe('requestHash', () => {
  it('hashes the same data in any key order the same, and different data differently', () => {
    expect(requestHash({ a: 1, b: [{ y: 2, x: 1 }] })).toBe(
      requestHash({ b: [{ x: 1, y: 2 }], a: 1 }),
    );
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
  });

  it('gives byte for byte the hashes stored by its first implementation', () => {
    const checkout = {
      member: { id: 'c5a0…' },
      orderId: 'T-1',
      lines: [{ sku: 'A', quantity: 2, unitPrice: 1000, category: undefined }],
      occurredAt: new Date('2026-11-30T10:00:00Z'),
      storeId: 'store-1',
    };
    expect(requestHash(checkout)).toBe(firstRequestHash(checkout));
    const next = random(17);
    for (let i = 0; i < 2000; i++) {
      const value = { payload: anyValue(next, 0) };
      expect(requestHash(value)).toBe(firstRequestHash(value));
    }
  });
});
