import { DataSource } from 'typeorm';
import { generateCardNumber, generateReferralCode } from '@vafa/members';
import { type ImportRow, TransactionImportWriter, TransactionRowReader } from '@vafa/points';
import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp } from '../support/test-app';

interface Member {
  id: string;
  cardNumber: string;
  referralCode: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
}

/**
 * Issue 18: a member's card number, referral code, email, phone and external id are kept unique
 * by member_identities (keyed by the value) instead of unique indexes on members.
 */
describe('member identities', () => {
  let t: TestApp;
  let db: DataSource;
  let seq = 0;
  const unique = (prefix: string): string => `${prefix}-${process.pid}-${++seq}`;
  const enrol = (body: Record<string, unknown>) =>
    t.api().post('/v1/members').set(bearer(t.keys.integration)).send(body);
  const patch = (id: string, body: Record<string, unknown>) =>
    t.api().patch(`/v1/members/${id}`).set(bearer(t.keys.marketer)).send(body);
  const identitiesOf = async (memberId: string): Promise<string[]> =>
    (
      await db.query<{ kind: string; value: string }[]>(
        'SELECT kind, value FROM member_identities WHERE member_id = $1',
        [memberId],
      )
    )
      .map((r) => `${r.kind}=${r.value}`)
      .sort();
  /** What member_identities must hold for a member: each identity column that is set. */
  const columnsOf = (m: Member): string[] =>
    [
      `card_number=${m.cardNumber}`,
      `referral_code=${m.referralCode}`,
      ...(m.email === null ? [] : [`email=${m.email}`]),
      ...(m.phone === null ? [] : [`phone=${m.phone}`]),
      ...(m.externalId === null ? [] : [`external_id=${m.externalId}`]),
    ].sort();
  /** Identity columns of members without their row in member_identities, and the reverse. */
  const mismatches = async (): Promise<unknown[]> =>
    db.query(
      `WITH columns AS (
         SELECT i.kind, i.value, m.id AS member_id
         FROM members m
         CROSS JOIN LATERAL (VALUES ('card_number', m.card_number), ('referral_code', m.referral_code),
                                    ('email', m.email), ('phone', m.phone), ('external_id', m.external_id))
           AS i(kind, value)
         WHERE i.value IS NOT NULL
       )
       SELECT c.kind, c.value, c.member_id, i.member_id AS held_by
       FROM columns c FULL JOIN member_identities i ON i.kind = c.kind AND i.value = c.value
       WHERE c.member_id IS DISTINCT FROM i.member_id`,
    );
  /** The member the till finds for this reference (POST /v1/pos/checkouts/simulate). */
  const tillFinds = async (member: Record<string, string>): Promise<string> => {
    const response = await t
      .api()
      .post('/v1/pos/checkouts/simulate')
      .set(bearer(t.keys.cashier))
      .send({
        member,
        orderId: unique('till'),
        channel: 'store',
        lines: [{ sku: 'A', quantity: 1, unitPrice: 100 }],
      });
    return response.status === 200
      ? (response.body as { memberId: string }).memberId
      : (response.body as { error: { code: string } }).error.code;
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
  });
  afterAll(async () => {
    expect(await mismatches()).toEqual([]);
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('holds each identity an enrolled member has, as on their row', async () => {
    const full = await enrol({
      externalId: unique('crm'),
      email: `${unique('Full')}@Example.com`,
      phone: '+1 (555) 010-0001',
    }).expect(201);
    expect(full.body.email).toBe(String(full.body.email).toLowerCase());
    expect(full.body.phone).toBe('+15550100001');
    expect(await identitiesOf(full.body.id)).toEqual(columnsOf(full.body));
    expect(await identitiesOf(full.body.id)).toHaveLength(5);

    const bare = await enrol({ name: 'No contact details' }).expect(201);
    expect(await identitiesOf(bare.body.id)).toEqual([
      `card_number=${bare.body.cardNumber}`,
      `referral_code=${bare.body.referralCode}`,
    ]);
  });

  it('moves identities with a profile change: the old values are free, the new ones taken', async () => {
    const before = {
      externalId: unique('move'),
      email: `${unique('move')}@example.com`,
      phone: '+15550100002',
    };
    const m = await enrol(before).expect(201);
    const changed = await patch(m.body.id, {
      externalId: unique('moved'),
      email: `${unique('moved')}@example.com`,
      phone: '+1 555 010 0003',
    }).expect(200);
    expect(changed.body.phone).toBe('+15550100003');
    expect(await identitiesOf(m.body.id)).toEqual(columnsOf(changed.body));

    // The till finds them by card, and by the new phone however it is written; not by the old.
    expect(await tillFinds({ cardNumber: m.body.cardNumber })).toBe(m.body.id);
    expect(await tillFinds({ phone: '+15550100003' })).toBe(m.body.id);
    expect(await tillFinds({ phone: '+1 (555) 010-0003' })).toBe(m.body.id);
    expect(await tillFinds({ phone: '+15550100002' })).toBe('MEMBER_NOT_FOUND');

    // Someone else may now take every value they gave up, and none they hold.
    const next = await enrol(before).expect(201);
    expect(await identitiesOf(next.body.id)).toEqual(columnsOf(next.body));
    for (const field of ['externalId', 'email', 'phone'] as const) {
      const taken = await enrol({ [field]: changed.body[field] }).expect(409);
      expect(taken.body.error).toMatchObject({ code: 'MEMBER_EXISTS', details: { field } });
    }

    // Cleared: the email is nobody's.
    const cleared = await patch(m.body.id, { email: null }).expect(200);
    expect(await identitiesOf(m.body.id)).toEqual(columnsOf(cleared.body));
    await enrol({ email: changed.body.email }).expect(201);
  });

  it("refuses a change to another member's identity with 409, changing nothing", async () => {
    const holder = await enrol({
      externalId: unique('holder'),
      email: `${unique('holder')}@example.com`,
      phone: '+15550100004',
    }).expect(201);
    const m = await enrol({ email: `${unique('mover')}@example.com` }).expect(201);
    for (const field of ['phone', 'email', 'externalId'] as const) {
      const taken = await patch(m.body.id, { name: 'Changed', [field]: holder.body[field] }).expect(
        409,
      );
      expect(taken.body.error).toMatchObject({ code: 'MEMBER_EXISTS', details: { field } });
    }
    // Three at once: the error names the one the old unique indexes checked first.
    const all = await patch(m.body.id, {
      externalId: holder.body.externalId,
      email: holder.body.email,
      phone: holder.body.phone,
    }).expect(409);
    expect(all.body.error.details).toEqual({ field: 'phone' });
    const unchanged = await t.api().get(`/v1/members/${m.body.id}`).set(bearer(t.keys.cashier));
    expect(unchanged.body).toMatchObject({ name: null, email: m.body.email, phone: null });
    expect(await identitiesOf(m.body.id)).toEqual(columnsOf(m.body));
    expect(await identitiesOf(holder.body.id)).toEqual(columnsOf(holder.body));
  });

  it('of two enrolments at once with one email, phone or external id, one is 201 and one 409', async () => {
    const cases: Record<string, string>[] = [];
    for (let i = 0; i < 4; i++) {
      cases.push(
        { email: `${unique('race')}@example.com` },
        { phone: `+1555020${String(++seq % 10_000).padStart(4, '0')}` },
        { externalId: unique('race') },
      );
    }
    for (const body of cases) {
      const field = Object.keys(body)[0] as string;
      const answers = await Promise.all([enrol(body), enrol(body)]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const refused = answers.find((a) => a.status === 409);
      expect(refused?.body.error).toMatchObject({ code: 'MEMBER_EXISTS', details: { field } });
      const column = { email: 'email', phone: 'phone', externalId: 'external_id' }[field];
      const members = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM members WHERE ${column} = $1`,
        [Object.values(body)[0]],
      );
      expect(members[0]?.n).toBe(1);
    }
  });

  it('imported members hold their identities; an import finds members enrolled before', async () => {
    const enrolled = await enrol({ externalId: unique('imp-enrolled') }).expect(201);
    const holder = await enrol({}).expect(201);
    const heldCard = (holder.body as Member).cardNumber;
    let cardDraws = 0;
    const writer = new TransactionImportWriter(db, {
      // The first member drawn for is offered a card number someone already holds.
      cardNumber: () => (cardDraws++ === 0 ? heldCard : generateCardNumber()),
      referralCode: generateReferralCode,
    });
    const reader = new TransactionRowReader(
      ['member_external_id', 'occurred_at', 'amount'],
      new Date('2025-01-01T00:00:00Z'),
    );
    const rowsOf = (records: string[][]): ImportRow[] =>
      records.map((record, i) => {
        const result = reader.read(record, i + 2);
        if (!result.ok) {
          throw new Error(result.problem);
        }
        return result.row;
      });
    const [a, b, c] = [unique('imp'), unique('imp'), unique('imp')];
    await expect(
      writer.write(
        writer.prepare(
          rowsOf([
            [a, '2024-05-01', '100'],
            [enrolled.body.externalId, '2024-05-01', '150'],
            [b, '2024-05-02', '200'],
            [c, '2024-05-03', '300'],
          ]),
        ),
      ),
    ).resolves.toEqual({ membersCreated: 3, ordersImported: 4 });
    // One for each member the batch names (drawn before knowing who exists), one more for the
    // member whose card was taken.
    expect(cardDraws).toBe(5);
    await expect(writer.write(writer.prepare(rowsOf([[b, '2024-05-04', '50']])))).resolves.toEqual({
      membersCreated: 0,
      ordersImported: 1,
    });
    for (const externalId of [a, b, c, enrolled.body.externalId as string]) {
      const found = await t
        .api()
        .get('/v1/members')
        .query({ externalId })
        .set(bearer(t.keys.marketer))
        .expect(200);
      expect(found.body.items).toHaveLength(1);
      const member = found.body.items[0] as Member;
      expect(await identitiesOf(member.id)).toEqual(columnsOf(member));
      expect(await tillFinds({ cardNumber: member.cardNumber })).toBe(member.id);
    }
    expect(await identitiesOf(holder.body.id)).toEqual(columnsOf(holder.body));
    // Nothing claimed for the member whose drawn card was taken was left behind.
    expect(await mismatches()).toEqual([]);

    const again = await enrol({ externalId: b }).expect(409);
    expect(again.body.error).toMatchObject({
      code: 'MEMBER_EXISTS',
      details: { field: 'externalId' },
    });
  });

  it('finds a member by a phone stored before E.164, at the till and in the look-up', async () => {
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ defaultCountry: 'IR' })
      .expect(200);
    const legacy = await enrol({}).expect(201);
    // As such a member is stored: the phone on their row and (since the migration) their identity.
    await db.query(`UPDATE members SET phone = '09125550011' WHERE id = $1`, [legacy.body.id]);
    await db.query(
      `INSERT INTO member_identities (kind, value, member_id) VALUES ('phone', '09125550011', $1)`,
      [legacy.body.id],
    );
    expect(await tillFinds({ phone: '0912 555 0011' })).toBe(legacy.body.id);
    const found = await t
      .api()
      .get('/v1/members')
      .query({ phone: '0912-555-0011' })
      .set(bearer(t.keys.cashier))
      .expect(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([legacy.body.id]);
    const byQ = await t
      .api()
      .get('/v1/members')
      .query({ q: '09125550011' })
      .set(bearer(t.keys.cashier))
      .expect(200);
    expect(byQ.body.items.map((i: { id: string }) => i.id)).toEqual([legacy.body.id]);

    // A change to E.164 frees the old form and takes the new one.
    await patch(legacy.body.id, { phone: '0912 555 0011' }).expect(200);
    expect(await identitiesOf(legacy.body.id)).toContain('phone=+989125550011');
    expect(await identitiesOf(legacy.body.id)).not.toContain('phone=09125550011');
    expect(await tillFinds({ phone: '+98 912 555 0011' })).toBe(legacy.body.id);
  });

  it('finds the referrer by their code, in any case', async () => {
    await t
      .api()
      .put('/v1/referral-program')
      .set(bearer(t.keys.marketer))
      .send({ active: true, referrerPoints: 100, refereePoints: 50 })
      .expect(200);
    const referrer = await t.member();
    const friend = await enrol({ referralCode: referrer.referralCode.toLowerCase() }).expect(201);
    const mine = await t.api().get('/v1/me/referral').set(bearer(referrer.token)).expect(200);
    expect(mine.body.referred).toEqual([expect.objectContaining({ memberId: friend.body.id })]);
    const unknown = await enrol({ referralCode: 'NOSUCHCD' }).expect(422);
    expect(unknown.body.error.code).toBe('REFERRAL_CODE_INVALID');
  });
});
