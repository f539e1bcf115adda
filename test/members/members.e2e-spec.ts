import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('members', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('enrolls a member with a card number and referral code', async () => {
    const response = await t
      .api()
      .post('/v1/members')
      .set(bearer(t.keys.marketer))
      .send({
        externalId: 'crm-1',
        email: 'Sara@Example.com',
        phone: '+98 912 000 1234',
        name: 'Sara',
        birthDate: '1990-04-21',
        channel: 'online',
      })
      .expect(201);
    expect(response.body).toMatchObject({
      externalId: 'crm-1',
      email: 'sara@example.com',
      phone: '+989120001234',
      name: 'Sara',
      birthDate: '1990-04-21',
      channel: 'online',
    });
    expect(response.body.cardNumber).toMatch(/^\d{16}$/);
    expect(response.body.referralCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(new Date(response.body.joinedAt).getTime()).not.toBeNaN();
  });

  it('refuses duplicate identities with 409 MEMBER_EXISTS, whatever their spelling', async () => {
    await t
      .api()
      .post('/v1/members')
      .set(bearer(t.keys.marketer))
      .send({ externalId: 'dup-1', email: 'dup@example.com', phone: '+15550001111' })
      .expect(201);
    const cases = [
      { externalId: 'dup-1' },
      { email: 'DUP@example.com' },
      { phone: '+1 (555) 000-1111' },
    ];
    for (const body of cases) {
      const response = await t
        .api()
        .post('/v1/members')
        .set(bearer(t.keys.marketer))
        .send(body)
        .expect(409);
      expect(response.body.error).toMatchObject({
        code: 'MEMBER_EXISTS',
        details: { field: Object.keys(body)[0] },
      });
    }
  });

  it('rejects a bad email, a bad birth date and an unknown channel with 400', async () => {
    for (const body of [
      { email: 'not-an-email' },
      { birthDate: '1990-13-45' },
      { channel: 'fax' },
      { phone: 'call me' },
    ]) {
      const response = await t
        .api()
        .post('/v1/members')
        .set(bearer(t.keys.marketer))
        .send(body)
        .expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('gets a member and looks them up by phone, email, card number and external id (cashiers too)', async () => {
    const m = await t.member({ externalId: 'look-1', phone: '+44 20 7946 0000' });
    await t.api().get(`/v1/members/${m.id}`).set(bearer(t.keys.cashier)).expect(200);
    const queries = [
      `phone=${encodeURIComponent('+442079460000')}`,
      `email=${encodeURIComponent(String(m.email).toUpperCase())}`,
      `cardNumber=${m.cardNumber}`,
      'externalId=look-1',
    ];
    for (const q of queries) {
      const response = await t
        .api()
        .get(`/v1/members?${q}`)
        .set(bearer(t.keys.cashier))
        .expect(200);
      expect(response.body.items.map((i: { id: string }) => i.id)).toEqual([m.id]);
    }
    const missing = await t
      .api()
      .get('/v1/members/00000000-0000-4000-8000-000000000000')
      .set(bearer(t.keys.cashier))
      .expect(404);
    expect(missing.body.error.code).toBe('MEMBER_NOT_FOUND');
  });

  it('pages through members with an opaque cursor', async () => {
    for (let i = 0; i < 3; i++) {
      await t.member();
    }
    const first = await t.api().get('/v1/members?limit=2').set(bearer(t.keys.marketer)).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t
      .api()
      .get(`/v1/members?limit=2&cursor=${first.body.nextCursor}`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    const ids = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    await t.api().get('/v1/members?cursor=garbage').set(bearer(t.keys.marketer)).expect(400);
    await t.api().get('/v1/members?limit=500').set(bearer(t.keys.marketer)).expect(400);
  });

  it('shows the member their own profile with a points block', async () => {
    const m = await t.member({ name: 'Mina' });
    const response = await t.api().get('/v1/me').set(bearer(m.token)).expect(200);
    expect(response.body).toMatchObject({
      id: m.id,
      name: 'Mina',
      cardNumber: m.cardNumber,
      referralCode: m.referralCode,
      points: { available: 0, pending: 0, lifetimeEarned: 0, expiringSoon: [] },
    });
  });
});
