import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import { parseSummary, runCli } from './insights-helpers';
import { generateCardNumber, generateReferralCode } from '@vafa/members';
import { type ImportRow, TransactionImportWriter, TransactionRowReader } from '@vafa/points';

interface OrderRow {
  order_id: string;
  channel: string;
  total: number;
  subtotal: number;
  points_earned: number;
  source: string;
  external_id: string;
}

const NOW = new Date('2025-01-01T00:00:00Z');

describe('vafa import transactions', () => {
  let t: TestApp;
  let dir: string;
  const file = async (name: string, lines: string[]): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, lines.join('\n') + '\n');
    return path;
  };
  const importFile = (path: string, ...flags: string[]) =>
    runCli(['import', 'transactions', path, ...flags], t.databaseUrl);
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    ledgerOf(t).dataSource.query<T[]>(sql, params);
  const count = async (sql: string): Promise<number> =>
    (await query<{ n: number }>(sql))[0]?.n ?? NaN;
  const memberByExternalId = async (externalId: string): Promise<{ id: string } | undefined> => {
    const response = await t
      .api()
      .get(`/v1/members?externalId=${encodeURIComponent(externalId)}`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    return (response.body as { items: { id: string }[] }).items[0];
  };

  beforeAll(async () => {
    t = await startTestApp();
    dir = await mkdtemp(join(tmpdir(), 'vafa-import-'));
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates members and orders, reports bad rows by line, and adds nothing when run again', async () => {
    const existing = await t.member({ externalId: 'crm-existing' });
    const path = await file('history.csv', [
      'member_external_id,occurred_at,amount,order_id,channel',
      'crm-1,2024-01-05,1250,,store', // line 2
      'crm-1,2024-01-05,1250,,', // 3: the same purchase twice that day: both kept
      'crm-1,2024-02-10T10:00:00Z,800,web-1001,app', // 4
      'crm-2,2024-02-30,100,,', // 5: no such day
      'crm-2,2024-03-01,12.50,,', // 6: not minor units
      'crm-3,2024-03-01,500,,web', // 7: unknown channel
      ',2024-03-01,500,,', // 8: no member
      'crm-3,2024-03-01T12:00:00+03:30,0', // 9: short row, $0 is fine
      'crm-existing,2024-03-02 09:15,4200,web-1002,online', // 10
      'crm-4,2099-01-01,100,,', // 11: future
      'crm-5,2024-03-03,-5,,', // 12: negative
      '', // blank lines are skipped
      'crm-3,2024-03-04,300,web-1001,store', // 14: order id already in this file
    ]);

    const first = await importFile(path);
    expect(first.code).toBe(0);
    expect(parseSummary(first.stdout)).toMatchObject({
      'rows read': 12,
      'members created': 2,
      'orders imported': 5,
      'duplicates skipped': 1,
      'bad rows': 6,
    });
    const badLines = first.stderr
      .split('\n')
      .filter((l) => l.startsWith('line '))
      .map((l) => Number(/^line (\d+):/.exec(l)?.[1]));
    expect(badLines).toEqual([5, 6, 7, 8, 11, 12]);
    expect(first.stderr).toContain('line 6: amount must be a whole number of minor units');
    expect(first.stderr).toContain('line 7: channel must be one of store, online, app');

    const crm1 = await memberByExternalId('crm-1');
    expect(crm1).toBeDefined();
    expect(crm1).toMatchObject({ cardNumber: expect.stringMatching(/^\d{16}$/) });
    expect(await memberByExternalId('crm-2')).toBeUndefined();
    const orders = await query<OrderRow>(
      `SELECT o.order_id, o.channel, o.total::int, o.subtotal::int, o.points_earned::int, o.source, m.external_id
       FROM orders o JOIN members m ON m.id = o.member_id ORDER BY o.occurred_at, o.order_id`,
    );
    expect(orders).toHaveLength(5);
    expect(orders.map((o) => [o.external_id, o.channel, o.total])).toEqual([
      ['crm-1', expect.any(String), 1250],
      ['crm-1', expect.any(String), 1250],
      ['crm-1', 'app', 800],
      ['crm-3', 'online', 0],
      ['crm-existing', 'online', 4200],
    ]);
    expect(
      orders
        .filter((o) => o.external_id === 'crm-1')
        .map((o) => o.channel)
        .sort(),
    ).toEqual(['app', 'online', 'store']);
    for (const o of orders) {
      expect(o).toMatchObject({ source: 'import', points_earned: 0 });
      expect(o.subtotal).toBe(o.total);
    }
    expect(orders.find((o) => o.external_id === 'crm-existing')?.order_id).toBe('web-1002');
    const generated = orders.filter((o) => o.order_id.startsWith('imp-'));
    expect(generated).toHaveLength(3);
    expect(await count('SELECT count(*)::int AS n FROM ledger_transactions')).toBe(0);
    // The existing member got the order and was not created again.
    expect(
      (await query('SELECT member_id FROM orders WHERE order_id = $1', ['web-1002']))[0],
    ).toEqual({
      member_id: existing.id,
    });

    const again = await importFile(path);
    expect(again.code).toBe(0);
    expect(parseSummary(again.stdout)).toMatchObject({
      'rows read': 12,
      'members created': 0,
      'orders imported': 0,
      'duplicates skipped': 6,
      'bad rows': 6,
    });
    expect(await count('SELECT count(*)::int AS n FROM orders')).toBe(5);
    expect(
      await count("SELECT count(*)::int AS n FROM members WHERE external_id LIKE 'crm-%'"),
    ).toBe(3);
  });

  it('works in small batches, with the header in any order and without optional columns', async () => {
    const path = await file('batches.csv', [
      'amount,member_external_id,occurred_at',
      ...Array.from(
        { length: 25 },
        (_, i) => `${100 + i},batch-${i % 7},2024-04-${String(1 + i).padStart(2, '0')}`,
      ),
    ]);
    const result = await importFile(path, '--batch-size', '4');
    expect(parseSummary(result.stdout)).toMatchObject({
      'rows read': 25,
      'members created': 7,
      'orders imported': 25,
      'bad rows': 0,
    });
    const rerun = await importFile(path, '--batch-size', '10');
    expect(parseSummary(rerun.stdout)).toMatchObject({
      'orders imported': 0,
      'duplicates skipped': 25,
    });
  });

  it('writes every row of a batch whose drawn card number is taken or whose orders exist', async () => {
    const holder = await t.member({ externalId: 'card-holder' });
    let cardDraws = 0;
    const writer = new TransactionImportWriter(ledgerOf(t).dataSource, {
      // The first new member is offered a card number someone already has.
      cardNumber: () => (cardDraws++ === 0 ? holder.cardNumber : generateCardNumber()),
      referralCode: generateReferralCode,
    });
    const rowsOf = (records: string[][]): ImportRow[] => {
      const reader = new TransactionRowReader(['member_external_id', 'occurred_at', 'amount'], NOW);
      return records.map((record, i) => {
        const result = reader.read(record, i + 2);
        if (!result.ok) {
          throw new Error(result.problem);
        }
        return result.row;
      });
    };
    const ordersOf = (externalId: string) =>
      query<{ order_id: string }>(
        'SELECT o.order_id FROM orders o JOIN members m ON m.id = o.member_id WHERE m.external_id = $1',
        [externalId],
      );

    const first = rowsOf([
      ['clash-1', '2024-05-01', '100'],
      ['clash-2', '2024-05-02', '200'],
      ['clash-1', '2024-05-03', '300'],
    ]);
    await expect(writer.write(writer.prepare(first))).resolves.toEqual({
      membersCreated: 2,
      ordersImported: 3,
    });
    const cards = await query<{ card_number: string }>(
      "SELECT card_number FROM members WHERE external_id IN ('clash-1', 'clash-2', 'card-holder')",
    );
    expect(new Set(cards.map((c) => c.card_number)).size).toBe(3);
    expect(cardDraws).toBe(3); // two for the batch, one more for the member whose card was taken
    expect(await ordersOf('clash-1')).toHaveLength(2);

    // A file that repeats part of what was imported: the repeated order is skipped, the new one kept.
    const overlapping = rowsOf([
      ['clash-2', '2024-05-02', '200'],
      ['clash-3', '2024-05-04', '400'],
    ]);
    await expect(writer.write(writer.prepare(overlapping))).resolves.toEqual({
      membersCreated: 1,
      ordersImported: 1,
    });
    await expect(
      writer.write(writer.prepare(rowsOf([['clash-3', '2024-05-05', '500']]))),
    ).resolves.toEqual({ membersCreated: 0, ordersImported: 1 });
    expect(await ordersOf('clash-2')).toHaveLength(1);
    expect(await ordersOf('clash-3')).toHaveLength(2);
  });

  it('refuses a file without the required columns, or that does not exist, importing nothing', async () => {
    const path = await file('bad-header.csv', ['customer,date,amount', 'x,2024-01-01,100']);
    const result = await importFile(path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing: member_external_id, occurred_at');
    const missing = await importFile(join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    expect(await count("SELECT count(*)::int AS n FROM members WHERE external_id = 'x'")).toBe(0);
  });

  it('--award-points credits the base rate of the earning rules once per order', async () => {
    for (const rule of [
      { name: 'Base: 1 point per dollar', priority: 0, effect: { pointsPerUnit: 1 } },
      {
        name: 'Store double',
        priority: 10,
        conditions: { channels: ['store'] },
        effect: { multiplier: 2 },
      },
      {
        name: 'App: 3 per dollar',
        priority: 5,
        conditions: { channels: ['app'] },
        effect: { pointsPerUnit: 3 },
      },
    ]) {
      await t.api().post('/v1/earning-rules').set(bearer(t.keys.marketer)).send(rule).expect(201);
    }

    const path = await file('points.csv', [
      'member_external_id,occurred_at,amount,order_id,channel',
      'pts-1,2024-05-01,1999,pts-o1,store', // 19 points: the multiplier is not applied to history
      'pts-1,2024-05-02,500,pts-o2,app', // 15 points: the app rule's rate wins by priority
      'pts-2,2024-05-03,99,pts-o3,online', // 0 points
    ]);
    const before = await importFile(path);
    expect(parseSummary(before.stdout)).toMatchObject({ 'orders imported': 3 });
    // Imported first without points, then again with them: the earlier orders earn now.
    const awarded = await importFile(path, '--award-points');
    expect(awarded.code).toBe(0);
    expect(parseSummary(awarded.stdout)).toMatchObject({
      'orders imported': 0,
      'duplicates skipped': 3,
      'points awarded': 34,
      orders: 2,
    });
    const again = await importFile(path, '--award-points');
    expect(parseSummary(again.stdout)).toMatchObject({ 'points awarded': 0, orders: 0 });

    const member = await memberByExternalId('pts-1');
    const balance = await ledgerOf(t).balances(member?.id ?? '');
    expect(balance).toEqual({ available: 34, pending: 0 });
    const earned = await query(
      `SELECT order_id, points_earned::int AS points, earn_transaction_id IS NOT NULL AS linked
       FROM orders WHERE order_id LIKE 'pts-%' ORDER BY order_id`,
    );
    expect(earned).toEqual([
      { order_id: 'pts-o1', points: 19, linked: true },
      { order_id: 'pts-o2', points: 15, linked: true },
      { order_id: 'pts-o3', points: 0, linked: false },
    ]);
    const activity = await t
      .api()
      .get(`/v1/members/${member?.id}/activity`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(activity.body.items.map((i: { description: string }) => i.description)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Earned 19 points on imported order pts-o1'),
      ]),
    );

    const fresh = await file('points-fresh.csv', [
      'member_external_id,occurred_at,amount,order_id',
      'pts-3,2024-06-01,2500,pts-o4',
    ]);
    const direct = await importFile(fresh, '--award-points');
    expect(parseSummary(direct.stdout)).toMatchObject({
      'orders imported': 1,
      'points awarded': 25,
    });
  });

  it('gives each imported order its lookup row, so order ids stay unique with checkouts', async () => {
    const m = await t.member({ externalId: 'lookup-1' });
    await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', 'lookup-till-1')
      .send({
        member: { id: m.id },
        orderId: 'lookup-till-1',
        channel: 'store',
        lines: [{ sku: 'A', quantity: 1, unitPrice: 100 }],
      })
      .expect(201);
    const reader = new TransactionRowReader(
      ['member_external_id', 'occurred_at', 'amount', 'order_id'],
      NOW,
    );
    const rows = [
      ['lookup-1', '2024-07-01', '100', 'lookup-till-1'], // checked out at the till: skipped
      ['lookup-2', '2024-07-02', '200', 'lookup-imp-1'],
      ['lookup-1', '2024-07-03', '300', 'lookup-imp-1'], // twice in the file: the first is kept
      ['lookup-2', '2024-07-04', '400', 'lookup-imp-2'],
    ].map((record, i) => {
      const read = reader.read(record, i + 2);
      if (!read.ok) {
        throw new Error(read.problem);
      }
      return read.row;
    });
    const writer = new TransactionImportWriter(ledgerOf(t).dataSource);
    await expect(writer.write(writer.prepare(rows))).resolves.toEqual({
      membersCreated: 1,
      ordersImported: 2,
    });
    const lookup2 = await memberByExternalId('lookup-2');
    expect(
      await query(
        `SELECT i.order_id, i.member_id, o.total::int AS total FROM order_ids i
         JOIN orders o ON o.member_id = i.member_id AND o.id = i.order_uuid
         WHERE i.order_id LIKE 'lookup-imp-%' ORDER BY i.order_id`,
      ),
    ).toEqual([
      { order_id: 'lookup-imp-1', member_id: lookup2?.id, total: 200 },
      { order_id: 'lookup-imp-2', member_id: lookup2?.id, total: 400 },
    ]);
    const taken = await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', 'lookup-till-2')
      .send({
        member: { id: m.id },
        orderId: 'lookup-imp-2',
        channel: 'store',
        lines: [{ sku: 'A', quantity: 1, unitPrice: 100 }],
      })
      .expect(409);
    expect(taken.body.error.code).toBe('ORDER_EXISTS');
    // Every order of every import above has its lookup row, and every lookup row its order.
    expect(
      await query(
        `SELECT count(*)::int AS orphans FROM orders o
         FULL JOIN order_ids i ON i.member_id = o.member_id AND i.order_uuid = o.id AND i.order_id = o.order_id
         WHERE o.id IS NULL OR i.order_id IS NULL`,
      ),
    ).toEqual([{ orphans: 0 }]);
  });
});
