import { DataSource } from 'typeorm';
import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';

/** Issue #12 items 1 and 9: staff see a member's balance; members edited, searched, phones normalised. */
describe('members: balance for staff, edits, search and phones', () => {
  let t: TestApp;
  const setCountry = (defaultCountry: string | null) =>
    t.api().put('/v1/program').set(bearer(t.keys.marketer)).send({ defaultCountry });
  const enrol = (body: Record<string, unknown>) =>
    t.api().post('/v1/members').set(bearer(t.keys.marketer)).send(body);
  const patch = (id: string, body: Record<string, unknown>, key = t.keys.marketer) =>
    t.api().patch(`/v1/members/${id}`).set(bearer(key)).send(body);
  const lookup = (query: Record<string, string>, key = t.keys.cashier) =>
    t.api().get('/v1/members').query(query).set(bearer(key));
  const keyIdOf = async (role: string): Promise<string> => {
    const keys = await t.api().get('/v1/api-keys').set(bearer(t.keys.admin)).expect(200);
    return (keys.body.items as { id: string; role: string }[]).find((k) => k.role === role)!.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const tier of [
      { code: 'member', name: 'Member', rank: 0, threshold: 0 },
      { code: 'gold', name: 'Gold', rank: 1, threshold: 50000 },
    ]) {
      await t
        .api()
        .post('/v1/tiers')
        .set(bearer(t.keys.marketer))
        .send({
          code: tier.code,
          name: tier.name,
          rank: tier.rank,
          qualification: { metric: 'spend', threshold: tier.threshold, windowDays: 365 },
        })
        .expect(201);
    }
    await t
      .api()
      .post('/v1/earning-rules')
      .set(bearer(t.keys.marketer))
      .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
      .expect(201);
    await t
      .api()
      .put('/v1/program')
      .set(bearer(t.keys.marketer))
      .send({ pointsPendingDays: 14 })
      .expect(200);
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  describe('a cashier sees the balance and tier (item 1)', () => {
    let m: TestMember;
    beforeAll(async () => {
      m = await t.member();
      await patch(m.id, { birthDate: '1990-04-21', phone: '+442071838750' }).expect(200);
      await t
        .api()
        .post(`/v1/members/${m.id}/adjustments`)
        .set(bearer(t.keys.marketer))
        .set('Idempotency-Key', `p-${m.id}`)
        .send({ points: 500, reason: 'goodwill' })
        .expect(201);
      await t
        .api()
        .post('/v1/pos/checkouts')
        .set(bearer(t.keys.cashier))
        .set('Idempotency-Key', `o-${m.id}`)
        .send({
          member: { id: m.id },
          orderId: `o-${m.id}`,
          channel: 'store',
          lines: [{ sku: 'A', quantity: 1, unitPrice: 12000 }],
        })
        .expect(201);
    });

    it('GET /v1/members/{id} shows the points, tier and progress /v1/me shows', async () => {
      const me = await t.api().get('/v1/me').set(bearer(m.token)).expect(200);
      const staff = await t
        .api()
        .get(`/v1/members/${m.id}`)
        .set(bearer(t.keys.cashier))
        .expect(200);
      expect(staff.body.points).toEqual({
        available: 500,
        pending: 120,
        lifetimeEarned: 620,
        expiringSoon: [],
      });
      expect(staff.body.points).toEqual(me.body.points);
      expect(staff.body.tier).toMatchObject({ code: 'member', name: 'Member' });
      expect(staff.body.tier).toEqual(me.body.tier);
      expect(staff.body.tierProgress).toMatchObject({
        nextTier: 'gold',
        current: 12000,
        remaining: 38000,
      });
      expect(staff.body.tierProgress).toEqual(me.body.tierProgress);
      // The member's own view is read its own way (one connection, one round trip): same answer.
      expect(me.body).toEqual(staff.body);
      expect(me.body).toMatchObject({ birthDate: '1990-04-21', phone: '+442071838750' });
    });

    it('the look-ups by card and phone carry the balance and the tier too', async () => {
      const byCard = await lookup({ cardNumber: m.cardNumber }).expect(200);
      expect(byCard.body.items).toHaveLength(1);
      expect(byCard.body.items[0]).toMatchObject({
        id: m.id,
        points: { available: 500, pending: 120 },
        tier: { code: 'member', name: 'Member' },
      });
      const byEmail = await lookup({ email: m.email as string }, t.keys.integration).expect(200);
      expect(byEmail.body.items[0].points.available).toBe(500);
    });
  });

  describe('phones are normalised with the program default country (item 9)', () => {
    afterAll(() => setCountry(null).expect(200));

    it('refuses a phone without a country code while no default country is set', async () => {
      expect((await t.api().get('/v1/program').set(bearer(t.keys.marketer))).body).toMatchObject({
        defaultCountry: null,
      });
      const refused = await enrol({ phone: '0912 000 1234' }).expect(400);
      expect(refused.body.error).toMatchObject({
        code: 'PHONE_INVALID',
        details: { field: 'phone' },
      });
    });

    it('validates defaultCountry', async () => {
      for (const bad of ['XX', 'ir', 'IRN', 7]) {
        expect((await setCountry(bad as string).expect(400)).body.error.code).toBe(
          'VALIDATION_FAILED',
        );
      }
    });

    it('reads every spelling of one number as one E.164 phone', async () => {
      await setCountry('IR').expect(200);
      const sara = await enrol({ name: 'Sara', phone: '+98 912 000 1234' }).expect(201);
      expect(sara.body.phone).toBe('+989120001234');
      for (const phone of ['0912 000 1234', '(+98) 912-000-1234', '0098 912 000 1234']) {
        const twin = await enrol({ phone }).expect(409);
        expect(twin.body.error).toMatchObject({
          code: 'MEMBER_EXISTS',
          details: { field: 'phone' },
        });
        const found = await lookup({ phone }).expect(200);
        expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([sara.body.id]);
      }
      // The till finds them by the number as the customer says it.
      await t
        .api()
        .post('/v1/pos/checkouts/simulate')
        .set(bearer(t.keys.cashier))
        .send({
          member: { phone: '0912-000-1234' },
          orderId: 'sim-phone',
          channel: 'store',
          lines: [{ sku: 'A', quantity: 1, unitPrice: 100 }],
        })
        .expect(200);
      expect((await enrol({ phone: '+98 12' }).expect(400)).body.error.code).toBe('PHONE_INVALID');
      expect((await enrol({ phone: '+999 1234 5678' }).expect(400)).body.error.code).toBe(
        'PHONE_INVALID',
      );
    });

    it('still finds a member whose phone was stored before E.164, without a country code', async () => {
      const legacy = await t.member();
      // As such a member is stored: the phone on their row and, since MemberIdentityLookup, as
      // their identity.
      const db = t.app.get(DataSource);
      await db.query(`UPDATE members SET phone = '09125550000' WHERE id = $1`, [legacy.id]);
      await db.query(
        `INSERT INTO member_identities (kind, value, member_id) VALUES ('phone', '09125550000', $1)`,
        [legacy.id],
      );
      const found = await lookup({ phone: '0912 555 0000' }).expect(200);
      expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([legacy.id]);
    });
  });

  describe('PATCH /v1/members/{id} (item 9)', () => {
    it('changes the profile, keeps identities unique, and records who changed what', async () => {
      await setCountry('IR').expect(200);
      const m = await t.member({ birthDate: '1990-04-21' });
      const other = await t.member();
      const changed = await patch(m.id, {
        name: 'Nasrin Farahani',
        email: 'Nasrin@Example.com',
        phone: '0935 111 2233',
        birthDate: null,
      }).expect(200);
      expect(changed.body).toMatchObject({
        id: m.id,
        name: 'Nasrin Farahani',
        email: 'nasrin@example.com',
        phone: '+989351112233',
        birthDate: null,
        cardNumber: m.cardNumber,
        points: { available: 0 },
        tier: { code: 'member' },
      });
      expect(
        (await t.api().get(`/v1/members/${m.id}`).set(bearer(t.keys.cashier))).body,
      ).toMatchObject({
        name: 'Nasrin Farahani',
        phone: '+989351112233',
      });

      const taken = await patch(m.id, { email: other.email }).expect(409);
      expect(taken.body.error).toMatchObject({
        code: 'MEMBER_EXISTS',
        details: { field: 'email' },
      });
      expect((await patch(m.id, { phone: 'call me' }).expect(400)).body.error.code).toBe(
        'VALIDATION_FAILED',
      );
      expect((await patch(m.id, { phone: '+999 1234 5678' }).expect(400)).body.error.code).toBe(
        'PHONE_INVALID',
      );
      expect((await patch(m.id, { email: 'nope' }).expect(400)).body.error.code).toBe(
        'VALIDATION_FAILED',
      );
      expect(
        (await patch(m.id, { cardNumber: '7426000000000000' }).expect(400)).body.error.code,
      ).toBe('VALIDATION_FAILED');
      await patch('00000000-0000-4000-8000-000000000000', { name: 'X' }).expect(404);
      // Least privilege: a till may enrol and find members, not rewrite who they are.
      await patch(m.id, { name: 'Till' }, t.keys.cashier).expect(403);
      await patch(m.id, { externalId: 'shop-77' }, t.keys.integration).expect(200);
      // Nothing changed, nothing recorded.
      await patch(m.id, { name: 'Nasrin Farahani' }).expect(200);

      const staff = await t
        .api()
        .get(`/v1/members/${m.id}/activity`)
        .set(bearer(t.keys.marketer))
        .expect(200);
      const changes = staff.body.items.filter((i: { type: string }) => i.type === 'profile');
      expect(changes).toHaveLength(2);
      expect(changes[0]).toMatchObject({
        points: 0,
        reference: { fields: ['externalId'], changedBy: await keyIdOf('integration') },
      });
      expect(changes[1]).toMatchObject({
        points: 0,
        description: 'Your name, email, phone number and birth date were updated.',
        reference: {
          fields: ['name', 'email', 'phone', 'birthDate'],
          changedBy: await keyIdOf('marketer'),
        },
      });

      const mine = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
      expect(mine.body.items.map((i: { description: string }) => i.description)).toEqual([
        'Your profile was updated.',
        'Your name, email, phone number and birth date were updated.',
      ]);
      expect(JSON.stringify(mine.body)).not.toContain('changedBy');
    });
  });

  describe('GET /v1/members?q= (item 9)', () => {
    let parisa: TestMember;
    let karim: TestMember;
    beforeAll(async () => {
      await setCountry('IR').expect(200);
      parisa = await t.member({ name: 'Parisa Karimi', email: 'parisa.k@example.com' });
      t.clock.set(new Date(t.clock.now().getTime() + 1000)); // Karim joins later: listed first
      karim = await t.member({ name: 'Karim Tehrani', phone: '0912 777 8899' });
    });

    const ids = async (q: string, extra: Record<string, string> = {}): Promise<string[]> => {
      const page = await lookup({ q, ...extra }).expect(200);
      return (page.body.items as { id: string }[]).map((i) => i.id);
    };

    it('finds by any part of the name, in any case, newest first', async () => {
      expect(await ids('KARIM')).toEqual([karim.id, parisa.id]);
      expect(await ids('tehr')).toEqual([karim.id]);
    });

    it('finds by the start of an email or card number, or the phone it spells', async () => {
      expect(await ids('PARISA.K@')).toEqual([parisa.id]);
      expect(await ids('arisa.k@')).toEqual([]);
      expect(await ids(karim.cardNumber.slice(0, 12))).toEqual([karim.id]);
      expect(await ids('0912 777 8899')).toEqual([karim.id]);
      expect(await ids('+98 912 777 8899')).toEqual([karim.id]);
    });

    it('takes wildcards literally, pages, and carries balances', async () => {
      expect(await ids('%a')).toEqual([]);
      expect(await ids('__')).toEqual([]);
      const first = await lookup({ q: 'karim', limit: '1' }).expect(200);
      expect(first.body.items[0]).toMatchObject({ id: karim.id, points: { available: 0 } });
      expect(first.body.items[0].tier).toMatchObject({ code: 'member' });
      const second = await lookup({ q: 'karim', limit: '1', cursor: first.body.nextCursor }).expect(
        200,
      );
      expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([parisa.id]);
    });

    it('needs at least 2 characters', async () => {
      for (const q of ['k', ' k ', '']) {
        expect((await lookup({ q }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      }
    });
  });
});
