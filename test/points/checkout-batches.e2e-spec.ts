import { randomUUID } from 'node:crypto';
import { CheckoutBatchUseCase } from '@vafa/points';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';

type Answer = { status: number; body: Record<string, unknown> };

/**
 * Concurrent plain checkouts are written together, a batch per transaction: each keeps its own
 * key, answer and refusal, and a batch that fails as a whole gives each checkout its own try.
 */
describe('checkouts written in batches', () => {
  let t: TestApp;
  let seq = 0;
  const batches = () => t.app.get(CheckoutBatchUseCase).stats();
  const order = (m: { id: string }, extra: Record<string, unknown> = {}) => ({
    member: { id: m.id },
    orderId: `batch-${++seq}-${Date.now()}`,
    channel: 'store',
    lines: [
      { sku: 'COF-1', category: 'coffee', quantity: 2, unitPrice: 1000 },
      { sku: 'PAS-1', category: 'pastry', quantity: 1, unitPrice: 550 },
    ],
    ...extra,
  });
  const checkout = async (body: Record<string, unknown>, key = `bk-${++seq}`): Promise<Answer> => {
    const response = await t
      .api()
      .post('/v1/pos/checkouts')
      .set(bearer(t.keys.cashier))
      .set('Idempotency-Key', key)
      .send(body);
    return { status: response.status, body: response.body as Answer['body'] };
  };
  const until = async (what: string, done: () => boolean | Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 400; i++) {
      if (await done()) {
        return;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`waited in vain for ${what} (${JSON.stringify(batches())})`);
  };
  /**
   * Sends all at once while both writers are busy: each writer is holding a checkout of a member
   * whose account this test keeps locked, so the requests queue, and form batches when it lets go.
   */
  const together = async (
    requests: (() => Promise<Answer>)[],
    queued = requests.length,
  ): Promise<{ answers: Answer[]; batches: number; checkouts: number; failedBatches: number }> => {
    const blockers = await members(2);
    for (const m of blockers) {
      expect((await checkout(order(m))).status).toBe(201);
    }
    const runner = ledgerOf(t).dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(
        'SELECT 1 FROM ledger_accounts WHERE member_id = ANY($1::uuid[]) FOR UPDATE',
        [blockers.map((m) => m.id)],
      );
      const lockWaits = async (): Promise<number> =>
        (
          (await runner.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )) as { n: number }[]
        )[0]?.n ?? 0;
      // One after the other, so that each writer takes one.
      const held: Promise<Answer>[] = [];
      for (const m of blockers) {
        held.push(checkout(order(m)));
        const waits = held.length;
        await until(
          `${waits} writers to wait on the lock`,
          async () => (await lockWaits()) === waits,
        );
      }
      // The held checkouts are counted already: what follows is the group's.
      const before = batches();
      const sent = requests.map((send) => send());
      await until('the checkouts to queue', () => batches().waiting === queued);
      await runner.commitTransaction();
      await Promise.all(held);
      const answers = await Promise.all(sent);
      const after = batches();
      return {
        answers,
        batches: after.batches - before.batches,
        checkouts: after.checkouts - before.checkouts,
        failedBatches: after.failedBatches - before.failedBatches,
      };
    } finally {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      await runner.release();
    }
  };
  const members = async (n: number): Promise<TestMember[]> => {
    const made: TestMember[] = [];
    for (let i = 0; i < n; i++) {
      made.push(await t.member());
    }
    return made;
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const rule of [
      { name: 'Base: 1 point per dollar', priority: 0, effect: { pointsPerUnit: 1 } },
      {
        name: 'Double on coffee',
        priority: 10,
        conditions: { categories: ['coffee'] },
        effect: { multiplier: 2 },
      },
    ]) {
      await t.api().post('/v1/earning-rules').set(bearer(t.keys.marketer)).send(rule).expect(201);
    }
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('writes concurrent checkouts together, two per member in order, each answered as its own', async () => {
    const group = await members(12);
    const run = await together([...group, ...group].map((m) => () => checkout(order(m))));
    const { answers } = run;
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    // Two batches: a member's second checkout waits for the batch after their first.
    expect(run).toMatchObject({ checkouts: 24, batches: 2, failedBatches: 0 });
    for (const m of group) {
      const own = answers.filter((a) => a.body.memberId === m.id);
      expect(own.map((a) => (a.body.balance as { available: number }).available).sort()).toEqual([
        45, 90,
      ]);
      const me = await t.api().get('/v1/me').set(bearer(m.token)).expect(200);
      expect(me.body).toMatchObject({ points: { available: 90 } });
    }
    const { dataSource } = ledgerOf(t);
    const events = await dataSource.query<{ member_id: string; seqs: number[] }[]>(
      `SELECT member_id, array_agg(member_seq ORDER BY member_seq) AS seqs FROM events
       WHERE type = 'points.earned' AND member_id = ANY($1::uuid[]) GROUP BY member_id`,
      [group.map((m) => m.id)],
    );
    expect(events).toHaveLength(12);
    for (const e of events) {
      expect(e.seqs).toHaveLength(2);
    }
  });

  it('refuses, in the same batch, exactly the checkouts that must fail, each with its code', async () => {
    const group = await members(8);
    const nth = (n: number): TestMember => {
      const m = group[n];
      if (!m) {
        throw new Error(`no member ${n}`);
      }
      return m;
    };
    const [a, b, c, d, e, f, g, h] = [0, 1, 2, 3, 4, 5, 6, 7].map(nth) as [
      TestMember,
      TestMember,
      TestMember,
      TestMember,
      TestMember,
      TestMember,
      TestMember,
      TestMember,
    ];
    const taken = order(a);
    expect((await checkout(taken, 'first-of-taken')).status).toBe(201);
    const replayed = order(b);
    const first = await checkout(replayed, 'replayed-key');
    expect(first.status).toBe(201);
    const shared = `shared-${seq}`;
    const otherRequest = order(b);
    const run = await together(
      [
        () => checkout(order(c)),
        () => checkout(order({ id: randomUUID() })),
        () => checkout({ ...order(d), orderId: taken.orderId }, 'retry-me'),
        () => checkout(replayed, 'replayed-key'),
        () => checkout(otherRequest, 'replayed-key'),
        () => checkout(order(e, { occurredAt: new Date(Date.now() + 86_400_000).toISOString() })),
        () => checkout({ ...order(f), orderId: shared }),
        () => checkout({ ...order(g), orderId: shared }),
        () => checkout(order(h)),
      ],
      8, // the one from the future is refused before it queues
    );
    const [ok1, unknown, orderTaken, replay, reused, future, twiceA, twiceB, ok2] = run.answers;
    // Two batches (the replay and the other request under its key are one member's), in which
    // the refusals were decided and refused nobody else.
    expect(run).toMatchObject({ checkouts: 8, batches: 2, failedBatches: 0 });
    expect(ok1?.status).toBe(201);
    expect(ok2?.status).toBe(201);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'MEMBER_NOT_FOUND' } } });
    expect(orderTaken).toMatchObject({ status: 409, body: { error: { code: 'ORDER_EXISTS' } } });
    expect(replay).toMatchObject({ status: 201, body: first.body });
    expect(reused).toMatchObject({
      status: 409,
      body: { error: { code: 'IDEMPOTENCY_KEY_REUSED' } },
    });
    expect(future).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect([twiceA?.status, twiceB?.status].sort()).toEqual([201, 409]);
    // A refused checkout wrote nothing, its key included: the till may retry it, fixed.
    const retried = await checkout(order(d), 'retry-me');
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ balance: { available: 45 } });
    // The order id of the request refused for its reused key is free again.
    expect((await checkout(otherRequest, 'fresh-key')).status).toBe(201);
  });

  it("pays the referrals their purchases qualify inside one batch, the referrer's own checkout beside them", async () => {
    await t
      .api()
      .put('/v1/referral-program')
      .set(bearer(t.keys.marketer))
      .send({
        active: true,
        referrerPoints: 500,
        refereePoints: 250,
        qualifyingMinSpend: 2000,
        maxReferralsPerMember: 5,
        velocityMax: 10,
        velocityWindowHours: 24,
      })
      .expect(200);
    const referrer = await t.member();
    const friends = [
      await t.member({ referralCode: referrer.referralCode }),
      await t.member({ referralCode: referrer.referralCode }),
    ];
    const run = await together([referrer, ...friends].map((m) => () => checkout(order(m))));
    expect(run).toMatchObject({ checkouts: 3, batches: 1, failedBatches: 0 });
    const [own, ...theirs] = run.answers;
    expect(own).toMatchObject({ status: 201, body: { balance: { available: 45 } } });
    for (const answer of theirs) {
      // 45 earned and the 250 welcome bonus, said at the till.
      expect(answer).toMatchObject({ status: 201, body: { balance: { available: 295 } } });
      expect(answer.body.messages).toEqual(
        expect.arrayContaining([expect.stringContaining('Welcome bonus: 250 points')]),
      );
    }
    const me = await t.api().get('/v1/me').set(bearer(referrer.token)).expect(200);
    expect(me.body).toMatchObject({ points: { available: 45 + 2 * 500 } });
  });

  it('gives each checkout its own transaction when its batch fails as a whole', async () => {
    const { dataSource } = ledgerOf(t);
    await dataSource.query(`CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
      BEGIN
        IF NEW.order_id LIKE 'poison-%' THEN RAISE EXCEPTION 'poisoned order'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await dataSource.query(
      'CREATE TRIGGER refuse_poison BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION refuse_poison()',
    );
    try {
      const group = await members(10);
      const run = await together(
        group.map(
          (m, n) => () =>
            checkout(n % 3 === 2 ? { ...order(m), orderId: `poison-${++seq}` } : order(m)),
        ),
      );
      // One batch failed as a whole, then each of its checkouts went alone.
      expect(run).toMatchObject({ checkouts: 10, batches: 1, failedBatches: 1 });
      const poisoned = run.answers.filter((_, n) => n % 3 === 2);
      const healthy = run.answers.filter((_, n) => n % 3 !== 2);
      expect(poisoned.map((a) => a.status)).toEqual(poisoned.map(() => 500));
      expect(healthy.map((a) => a.status)).toEqual(healthy.map(() => 201));
      const [written] = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM orders WHERE member_id = ANY($1::uuid[])`,
        [group.map((m) => m.id)],
      );
      expect(written?.n).toBe(healthy.length);
      // Nothing of the poisoned checkouts stayed: not their keys, not their order ids.
      const [keys] = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM idempotent_requests WHERE member_id = ANY($1::uuid[])`,
        [group.map((m) => m.id)],
      );
      expect(keys?.n).toBe(healthy.length);
    } finally {
      await dataSource.query('DROP TRIGGER refuse_poison ON orders');
      await dataSource.query('DROP FUNCTION refuse_poison()');
    }
  });

  it('writes each checkout alone with VAFA_CHECKOUT_BATCH=off', async () => {
    const alone = await startTestApp({ env: { VAFA_CHECKOUT_BATCH: 'off' } });
    try {
      const created = await alone
        .api()
        .post('/v1/members')
        .set(bearer(alone.keys.integration))
        .send({ email: `alone-${seq}@example.com`, name: 'Alone' })
        .expect(201);
      const id = (created.body as { id: string }).id;
      const answers = await Promise.all(
        [1, 2, 3].map((n) =>
          alone
            .api()
            .post('/v1/pos/checkouts')
            .set(bearer(alone.keys.cashier))
            .set('Idempotency-Key', `alone-${n}`)
            .send({ ...order({ id }), orderId: `alone-${seq}-${n}` }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(alone.app.get(CheckoutBatchUseCase).stats()).toEqual({
        batches: 0,
        checkouts: 0,
        failedBatches: 0,
        waiting: 0,
      });
    } finally {
      await alone.close();
    }
  });
});
