import { bearer, startTestApp, TestApp } from '../support/test-app';
import { ledgerOf } from '../support/ledger-helpers';
import {
  type ImportRow,
  ImportPointsAwarder,
  TransactionImportWriter,
  TransactionRowReader,
} from '@vafa/points';
import { eventsOf, expectGaplessSequence, typesAndMembers } from './events-helpers';

describe('events of members: enrolment, profile changes and the import', () => {
  let t: TestApp;
  let events: ReturnType<typeof eventsOf>;
  let seq = 0;
  const unique = (): string => `${process.pid}-${++seq}-${Date.now()}`;
  const enrol = (body: Record<string, unknown>) =>
    t.api().post('/v1/members').set(bearer(t.keys.integration)).send(body);
  const patch = (id: string, body: Record<string, unknown>) =>
    t.api().patch(`/v1/members/${id}`).set(bearer(t.keys.marketer)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    events = eventsOf(t);
    await t
      .api()
      .put('/v1/referral-program')
      .set(bearer(t.keys.marketer))
      .send({ active: true, referrerPoints: 500, refereePoints: 250, qualifyingMinSpend: 2000 })
      .expect(200);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('emits member.enrolled without contact details, and member.updated naming the changed fields only', async () => {
    const mark = await events.mark();
    const n = unique();
    const created = await enrol({
      externalId: `crm-${n}`,
      email: `e${n}@example.com`,
      phone: '+15550100200',
      name: 'Parisa',
      channel: 'app',
    }).expect(201);
    const m = created.body as {
      id: string;
      cardNumber: string;
      referralCode: string;
      joinedAt: string;
    };
    const enrolled = await events.since(mark);
    expect(typesAndMembers(enrolled)).toEqual([['member.enrolled', m.id]]);
    expect(enrolled[0]?.data).toEqual({
      memberId: m.id,
      externalId: `crm-${n}`,
      cardNumber: m.cardNumber,
      referralCode: m.referralCode,
      channel: 'app',
      joinedAt: m.joinedAt,
      source: 'api',
      referrerId: null,
    });
    expect(JSON.stringify(enrolled)).not.toMatch(/Parisa|@example\.com|15550100200/);

    const changed = await events.mark();
    await patch(m.id, { email: `new${n}@example.com`, phone: '+15550100201' }).expect(200);
    await patch(m.id, { name: 'Parisa' }).expect(200); // no change: nothing to tell
    const updated = await events.since(changed);
    expect(updated.map((e) => [e.type, e.data])).toEqual([
      ['member.updated', { memberId: m.id, fields: ['email', 'phone'] }],
    ]);
    expectGaplessSequence(await events.ofMember(m.id));
  });

  it('emits nothing for a refused enrolment or profile change', async () => {
    const n = unique();
    const taken = (await enrol({ email: `taken${n}@example.com` }).expect(201)).body as {
      id: string;
    };
    const other = (await enrol({ email: `other${n}@example.com` }).expect(201)).body as {
      id: string;
    };
    const mark = await events.mark();
    await enrol({ email: `taken${n}@example.com` }).expect(409);
    await enrol({ email: `x${n}@example.com`, referralCode: 'NOSUCHCODE' }).expect(422);
    await patch(other.id, { email: `taken${n}@example.com` }).expect(409);
    expect(await events.since(mark)).toEqual([]);
    expect((await events.ofMember(taken.id)).map((e) => e.type)).toEqual(['member.enrolled']);
  });

  it('names the referrer of a referral sign-up', async () => {
    const referrer = await t.member();
    const mark = await events.mark();
    const friend = (
      await enrol({
        email: `f${unique()}@example.com`,
        referralCode: referrer.referralCode,
      }).expect(201)
    ).body as { id: string };
    const emitted = await events.since(mark);
    expect(typesAndMembers(emitted)).toEqual([['member.enrolled', friend.id]]);
    expect(emitted[0]?.data).toMatchObject({ source: 'api', referrerId: referrer.id });
  });

  it('emits member.enrolled for members the import creates, and points.earned for the points it awards, once', async () => {
    await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    const n = unique();
    const existing = await t.member({ externalId: `imp-old-${n}` });
    const reader = new TransactionRowReader(
      ['member_external_id', 'occurred_at', 'amount', 'order_id', 'channel'],
      new Date(),
    );
    const rows: ImportRow[] = [
      [`imp-a-${n}`, '2024-03-01', '2500', `imp-o1-${n}`, 'store'],
      [`imp-a-${n}`, '2024-02-01', '1000', `imp-o2-${n}`, 'online'],
      [`imp-b-${n}`, '2024-03-05', '700', `imp-o3-${n}`, ''],
      [`imp-old-${n}`, '2024-03-06', '900', `imp-o4-${n}`, ''],
    ].map((record, i) => {
      const result = reader.read(record, i + 2);
      if (!result.ok) {
        throw new Error(result.problem);
      }
      return result.row;
    });
    const dataSource = ledgerOf(t).dataSource;
    const mark = await events.mark();
    const writer = new TransactionImportWriter(dataSource);
    expect(await writer.write(writer.prepare(rows))).toEqual({
      membersCreated: 2,
      ordersImported: 4,
    });
    const enrolled = await events.since(mark);
    expect(enrolled.map((e) => [e.type, e.data.externalId, e.data.source])).toEqual([
      ['member.enrolled', `imp-a-${n}`, 'import'],
      ['member.enrolled', `imp-b-${n}`, 'import'],
    ]);
    const [a] = await dataSource.query<{ id: string; card_number: string }[]>(
      'SELECT id, card_number FROM members WHERE external_id = $1',
      [`imp-a-${n}`],
    );
    expect(enrolled[0]?.data).toEqual({
      memberId: a?.id,
      externalId: `imp-a-${n}`,
      cardNumber: a?.card_number,
      referralCode: expect.any(String),
      channel: null,
      joinedAt: '2024-02-01T00:00:00.000Z', // the first purchase
      source: 'import',
      referrerId: null,
    });
    // The same file again: nothing is created, so nothing is told.
    const again = new TransactionImportWriter(dataSource);
    expect(await again.write(again.prepare(rows))).toEqual({
      membersCreated: 0,
      ordersImported: 0,
    });
    expect(await events.since(mark)).toHaveLength(2);

    const awarded = await events.mark();
    const awarder = await ImportPointsAwarder.open(dataSource);
    try {
      const orderIds = rows.map((r) => r.orderId);
      expect(await awarder.award(orderIds)).toEqual({ orders: 4, points: 25 + 10 + 7 + 9 });
      expect(await awarder.award(orderIds)).toEqual({ orders: 0, points: 0 });
    } finally {
      await awarder.close();
    }
    const earned = await events.since(awarded);
    expect(earned.map((e) => [e.type, e.data.orderId, e.data.points, e.data.source])).toEqual(
      expect.arrayContaining([
        ['points.earned', `imp-o1-${n}`, 25, 'import'],
        ['points.earned', `imp-o2-${n}`, 10, 'import'],
        ['points.earned', `imp-o3-${n}`, 7, 'import'],
        ['points.earned', `imp-o4-${n}`, 9, 'import'],
      ]),
    );
    expect(earned).toHaveLength(4);
    expect(earned.find((e) => e.memberId === existing.id)?.data).toMatchObject({
      channel: 'online', // the import's default
      storeId: null,
      appliedRules: [{ name: 'Base', points: 9 }],
      balance: { available: 9, pending: 0 },
    });
    for (const id of [a?.id ?? '', existing.id]) {
      expectGaplessSequence(await events.ofMember(id));
    }
  });
});
