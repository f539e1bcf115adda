import { startTestApp, TestApp } from '../support/test-app';
import { ledgerOf, nextKey } from '../support/ledger-helpers';

describe('ledger under races and retries', () => {
  let t: TestApp;
  let ledger: ReturnType<typeof ledgerOf>;
  beforeAll(async () => {
    t = await startTestApp();
    ledger = ledgerOf(t);
  });
  afterAll(async () => {
    expect((await ledger.audit()).balanced).toBe(true);
    await t.close();
  });

  it('lets exactly 10 of 30 concurrent debits of 10 through a balance of 100', async () => {
    const m = await t.member();
    await ledger.credit(m.id, 100);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => ledger.debit(m.id, 10)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect((r.reason as { code?: string }).code).toBe('INSUFFICIENT_POINTS');
    }
    expect(await ledger.balances(m.id)).toEqual({ available: 0, pending: 0 });
  });

  it('turns 20 concurrent copies of one idempotency key into one transaction', async () => {
    const m = await t.member();
    const key = nextKey('same');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => ledger.credit(m.id, 25, { idempotencyKey: key })),
    );
    expect(new Set(results.map((r) => r.transactionId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await ledger.balances(m.id)).toEqual({ available: 25, pending: 0 });
    const rows = await ledger.dataSource.query(
      'SELECT count(*)::int AS n FROM ledger_transactions WHERE member_id = $1',
      [m.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses the same key with a different request (IDEMPOTENCY_KEY_REUSED)', async () => {
    const m = await t.member();
    const key = nextKey('reuse');
    await ledger.credit(m.id, 10, { idempotencyKey: key });
    await expect(ledger.credit(m.id, 11, { idempotencyKey: key })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      status: 409,
    });
    expect(await ledger.balances(m.id)).toEqual({ available: 10, pending: 0 });
  });

  it('never reverses more than the original across concurrent partial reversals', async () => {
    const m = await t.member();
    const earned = await ledger.credit(m.id, 100);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => ledger.reverse(m.id, earned.transactionId, 30)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await ledger.balances(m.id)).toEqual({ available: 10, pending: 0 });
    await expect(ledger.reverse(m.id, earned.transactionId, 11)).rejects.toMatchObject({
      code: 'REVERSAL_EXCEEDS_ORIGINAL',
    });
  });

  it('refuses to rewrite history', async () => {
    const m = await t.member();
    await ledger.credit(m.id, 5);
    await expect(
      ledger.dataSource.query('UPDATE ledger_transactions SET points = 500 WHERE member_id = $1', [
        m.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      ledger.dataSource.query('DELETE FROM ledger_postings WHERE member_id = $1', [m.id]),
    ).rejects.toThrow(/append-only/);
  });
});
