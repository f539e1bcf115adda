import type { Test } from 'supertest';
import { bearer, TestApp } from './test-app';

let orders = 0;

/**
 * One item bought by the member at the till of the test cashier (store `store-1`); the order id
 * doubles as the Idempotency-Key. Returns the request, so callers choose what to expect.
 */
export function buyOne(
  t: TestApp,
  memberId: string,
  unitPrice: number,
  options: { sku?: string; channel?: 'store' | 'online' | 'app' } = {},
): Test {
  const orderId = `till-${process.pid}-${++orders}-${Date.now()}`;
  return t
    .api()
    .post('/v1/pos/checkouts')
    .set(bearer(t.keys.cashier))
    .set('Idempotency-Key', orderId)
    .send({
      member: { id: memberId },
      orderId,
      channel: options.channel ?? 'store',
      lines: [{ sku: options.sku ?? 'ITEM', quantity: 1, unitPrice }],
    });
}
