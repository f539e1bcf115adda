import { BulkCreditUseCase, ExpireLotsJob, ReleasePendingJob } from '@vafa/ledger';
import { startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

const DAY = 86_400_000;

describe('ledger lots: expiry, pending points, reversals and debts', () => {
  let t: TestApp;
  let ledger: ReturnType<typeof ledgerOf>;
  let expire: ExpireLotsJob;
  let release: ReleasePendingJob;
  const at = (days: number): Date => new Date(t.clock.now().getTime() + days * DAY);

  beforeAll(async () => {
    t = await startTestApp();
    ledger = ledgerOf(t);
    expire = t.app.get(ExpireLotsJob);
    release = t.app.get(ReleasePendingJob);
  });
  afterAll(async () => {
    expect((await ledger.audit()).balanced).toBe(true);
    await t.close();
  });

  it('spends the soonest-expiring lots first and expires exactly what remains of them', async () => {
    const m = await t.member();
    const late = await ledger.credit(m.id, 100, { expiresAt: at(60) });
    const soon = await ledger.credit(m.id, 50, { expiresAt: at(10) });
    const never = await ledger.credit(m.id, 30, { expiresAt: null });
    await ledger.debit(m.id, 70); // 50 from `soon`, 20 from `late`
    const lots = new Map(
      (await ledger.lots(m.id)).map((l: { transaction_id: string; remaining: number }) => [
        l.transaction_id,
        l.remaining,
      ]),
    );
    expect(lots.get(soon.transactionId)).toBe(0);
    expect(lots.get(late.transactionId)).toBe(80);
    expect(lots.get(never.transactionId)).toBe(30);

    const first = await expire.run(at(61));
    expect(first.points).toBeGreaterThanOrEqual(80);
    expect(await ledger.balances(m.id)).toEqual({ available: 30, pending: 0 });
    const again = await expire.run(at(61));
    expect(again).toEqual({ members: 0, points: 0 });
    expect(await ledger.balances(m.id)).toEqual({ available: 30, pending: 0 });
  });

  it('never double-counts a spend racing the expiry job', async () => {
    const m = await t.member();
    await ledger.credit(m.id, 100, { expiresAt: at(1) });
    await ledger.credit(m.id, 100, { expiresAt: at(100) });
    const [spent, expired] = await Promise.allSettled([ledger.debit(m.id, 150), expire.run(at(2))]);
    expect(expired.status).toBe('fulfilled');
    const balance = await ledger.balances(m.id);
    // Whichever ran first, the spend took 150 of 200 or failed, and the 100 due expired once.
    expect(balance.available).toBe(spent.status === 'fulfilled' ? 50 : 100);
    expect((await ledger.audit()).balanced).toBe(true);
  });

  it('keeps pending points pending until the release job, which runs once', async () => {
    const m = await t.member();
    const earned = await ledger.credit(m.id, 40, { availableAt: at(14), expiresAt: at(400) });
    expect(earned.pendingPoints).toBe(40);
    expect(await ledger.balances(m.id)).toEqual({ available: 0, pending: 40 });
    await expect(ledger.debit(m.id, 1)).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect((await release.run(at(13))).points).toBe(0);
    const released = await release.run(at(15));
    expect(released.points).toBeGreaterThanOrEqual(40);
    expect(await ledger.balances(m.id)).toEqual({ available: 40, pending: 0 });
    expect(await release.run(at(15))).toEqual({ members: 0, points: 0 });
  });

  it('cancels pending points first when a credit is reversed inside the window', async () => {
    const m = await t.member();
    const earned = await ledger.credit(m.id, 40, { availableAt: at(14) });
    await ledger.credit(m.id, 100);
    const reversal = await ledger.reverse(m.id, earned.transactionId, 25);
    expect(reversal.pendingPoints).toBe(25);
    expect(await ledger.balances(m.id)).toEqual({ available: 100, pending: 15 });
  });

  it('leaves a visible debt when spent points are reversed, and later credits pay it first', async () => {
    const m = await t.member();
    const earned = await ledger.credit(m.id, 100);
    await ledger.debit(m.id, 80);
    await ledger.reverse(m.id, earned.transactionId); // 20 left in the lot, 80 owed
    expect(await ledger.balances(m.id)).toEqual({ available: -80, pending: 0 });
    await expect(ledger.debit(m.id, 1)).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    const next = await ledger.credit(m.id, 50);
    expect(next.balance.available).toBe(-30);
    const lots = await ledger.lots(m.id);
    expect(
      lots.find((l: { transaction_id: string }) => l.transaction_id === next.transactionId)
        ?.remaining,
    ).toBe(0);
    await ledger.credit(m.id, 40, { availableAt: at(3) });
    await release.run(at(4));
    expect(await ledger.balances(m.id)).toEqual({ available: 10, pending: 0 });
    await ledger.debit(m.id, 10);
  });

  it('gives a refunded redemption back to the same lots', async () => {
    const m = await t.member();
    const soon = await ledger.credit(m.id, 30, { expiresAt: at(5) });
    const late = await ledger.credit(m.id, 30, { expiresAt: at(50) });
    const spent = await ledger.debit(m.id, 45);
    await ledger.reverse(m.id, spent.transactionId, 20);
    const lots = new Map(
      (await ledger.lots(m.id)).map((l: { transaction_id: string; remaining: number }) => [
        l.transaction_id,
        l.remaining,
      ]),
    );
    // The latest-expiring lot is restored first: `late` had 15 taken, gets 15 back, then `soon` 5.
    expect(lots.get(late.transactionId)).toBe(30);
    expect(lots.get(soon.transactionId)).toBe(5);
    await ledger.reverse(m.id, spent.transactionId);
    expect(await ledger.balances(m.id)).toEqual({ available: 60, pending: 0 });
  });

  it('expires points given back to an expired lot, even in a second run at the same instant', async () => {
    const m = await t.member();
    await ledger.credit(m.id, 50, { expiresAt: at(3) });
    const spent = await ledger.debit(m.id, 20);
    const when = at(4);
    await expire.run(when);
    expect(await ledger.balances(m.id)).toEqual({ available: 0, pending: 0 });
    await ledger.reverse(m.id, spent.transactionId);
    expect(await ledger.balances(m.id)).toEqual({ available: 20, pending: 0 });
    await expire.run(when);
    expect(await ledger.balances(m.id)).toEqual({ available: 0, pending: 0 });
  });

  it('credits many members at once like single credits, paying debts first, once per key', async () => {
    const owing = await t.member();
    const earned = await ledger.credit(owing.id, 100);
    await ledger.debit(owing.id, 100);
    await ledger.reverse(owing.id, earned.transactionId); // owes 100
    const fresh = await t.member();
    const bulk = t.app.get(BulkCreditUseCase);
    const command = {
      grants: [
        { memberId: owing.id, points: 30, idempotencyKey: `bulk:${owing.id}` },
        { memberId: fresh.id, points: 30, idempotencyKey: `bulk:${fresh.id}` },
      ],
      kind: 'campaign',
      description: 'A surprise',
      source: 'program:issued' as const,
      occurredAt: t.clock.now(),
      expiresAt: null,
    };
    const first = await ledger.dataSource.transaction((m) => bulk.execute(command, m));
    expect(first).toHaveLength(2);
    expect(await ledger.balances(owing.id)).toEqual({ available: -70, pending: 0 });
    expect(await ledger.balances(fresh.id)).toEqual({ available: 30, pending: 0 });
    expect(await ledger.dataSource.transaction((m) => bulk.execute(command, m))).toEqual([]);
    expect(await ledger.balances(fresh.id)).toEqual({ available: 30, pending: 0 });
    expect((await ledger.audit()).balanced).toBe(true);
  });

  it('reports a discrepancy when a balance is corrupted on purpose', async () => {
    const m = await t.member();
    await ledger.credit(m.id, 10);
    await ledger.dataSource.query(
      'UPDATE ledger_accounts SET available = available + 7 WHERE member_id = $1',
      [m.id],
    );
    const report = await ledger.audit();
    expect(report.balanced).toBe(false);
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'account_balance',
          memberId: m.id,
          expected: { available: 10, pending: 0 },
        }),
      ]),
    );
    await ledger.dataSource.query(
      'UPDATE ledger_accounts SET available = available - 7 WHERE member_id = $1',
      [m.id],
    );
    expect((await ledger.audit()).balanced).toBe(true);
  });
});
