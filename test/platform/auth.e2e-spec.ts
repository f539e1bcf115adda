import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('auth: staff keys, roles and member tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses requests without credentials, with a bad key, or with a garbage token (401)', async () => {
    const none = await t.api().get('/v1/members').expect(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');
    await t.api().get('/v1/members').set(bearer('vafa_sk_not-a-real-key')).expect(401);
    await t.api().get('/v1/members').set(bearer('eyJhbGciOiJIUzI1NiJ9.e30.bad')).expect(401);
    await t.api().get('/v1/members').set('Authorization', 'Basic abc').expect(401);
  });

  it('shows a new key once, lists it without the secret, and revokes it at once', async () => {
    const created = await t
      .api()
      .post('/v1/api-keys')
      .set(bearer(t.keys.admin))
      .send({ name: 'crm', role: 'integration' })
      .expect(201);
    expect(created.body.key).toMatch(/^vafa_sk_/);
    await t.api().get('/v1/members').set(bearer(created.body.key)).expect(200);

    const list = await t.api().get('/v1/api-keys?limit=200').set(bearer(t.keys.admin)).expect(200);
    const listed = list.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ name: 'crm', role: 'integration', revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    await t.api().delete(`/v1/api-keys/${created.body.id}`).set(bearer(t.keys.admin)).expect(200);
    const revoked = await t.api().get('/v1/members').set(bearer(created.body.key)).expect(401);
    expect(revoked.body.error.code).toBe('UNAUTHORIZED');
  });

  it('stores keys only hashed', async () => {
    const created = await t
      .api()
      .post('/v1/api-keys')
      .set(bearer(t.keys.admin))
      .send({ name: 'x', role: 'marketer' })
      .expect(201);
    const { DataSource } = await import('typeorm');
    const rows = await t.app
      .get(DataSource)
      .query('SELECT key_hash, key_prefix FROM api_keys WHERE id = $1', [created.body.id]);
    expect(rows[0].key_hash).toHaveLength(64);
    expect(rows[0].key_hash).not.toContain(created.body.key);
    expect(created.body.key.startsWith(rows[0].key_prefix)).toBe(true);
  });

  it('requires a storeId for cashier keys', async () => {
    const response = await t
      .api()
      .post('/v1/api-keys')
      .set(bearer(t.keys.admin))
      .send({ name: 'till', role: 'cashier' })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('gives 403 for a wrong role', async () => {
    for (const role of ['marketer', 'cashier', 'integration'] as const) {
      const response = await t
        .api()
        .post('/v1/api-keys')
        .set(bearer(t.keys[role]))
        .send({ name: 'x', role: 'admin' })
        .expect(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    await t.api().get('/v1/api-keys').set(bearer(t.keys.cashier)).expect(403);
  });

  it('lets integration and admin issue member tokens, but not cashiers or marketers', async () => {
    const member = await t.member();
    await t.api().post(`/v1/members/${member.id}/tokens`).set(bearer(t.keys.admin)).expect(201);
    await t.api().post(`/v1/members/${member.id}/tokens`).set(bearer(t.keys.cashier)).expect(403);
    await t.api().post(`/v1/members/${member.id}/tokens`).set(bearer(t.keys.marketer)).expect(403);
    await t
      .api()
      .post('/v1/members/00000000-0000-4000-8000-000000000000/tokens')
      .set(bearer(t.keys.integration))
      .expect(404);
  });

  it('keeps a member token to that member on /v1/me only (403 elsewhere)', async () => {
    const alice = await t.member({ name: 'Alice' });
    const bob = await t.member({ name: 'Bob' });
    const me = await t.api().get('/v1/me').set(bearer(alice.token)).expect(200);
    expect(me.body).toMatchObject({ id: alice.id, name: 'Alice' });
    await t.api().get(`/v1/members/${bob.id}`).set(bearer(alice.token)).expect(403);
    await t.api().get(`/v1/members/${alice.id}`).set(bearer(alice.token)).expect(403);
    await t.api().get('/v1/api-keys').set(bearer(alice.token)).expect(403);
    await t.api().post(`/v1/members/${bob.id}/tokens`).set(bearer(alice.token)).expect(403);
  });

  it('keeps staff keys off the member API', async () => {
    const response = await t.api().get('/v1/me').set(bearer(t.keys.admin)).expect(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  it('rejects an expired member token', async () => {
    const member = await t.member();
    t.clock.advanceDays(2);
    try {
      await t.api().get('/v1/me').set(bearer(member.token)).expect(401);
    } finally {
      t.clock.advanceDays(-2);
    }
  });
});
