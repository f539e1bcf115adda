import { DataSource } from 'typeorm';
import { bearer, startTestApp, TestApp } from '../support/test-app';

interface Endpoint {
  id: string;
  url: string;
  eventTypes: string[];
  description: string | null;
  enabled: boolean;
  secret?: string;
}

describe('webhook endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { VAFA_WEBHOOKS: 'off' } });
  });
  afterAll(() => t.close());

  const admin = (): Record<string, string> => bearer(t.keys.admin);
  const create = (body: Record<string, unknown>) =>
    t.api().post('/v1/webhook-endpoints').set(admin()).send(body);

  it('creates an endpoint for every type by default, with its secret shown once', async () => {
    const created = await create({
      url: 'https://Shop.example.com/hooks',
      description: 'Warehouse',
    }).expect(201);
    const body = created.body as Endpoint;
    expect(body).toMatchObject({
      url: 'https://shop.example.com/hooks',
      eventTypes: [],
      description: 'Warehouse',
      enabled: true,
      disabledReason: null,
      failingSince: null,
      previousSecretExpiresAt: null,
    });
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const got = await t.api().get(`/v1/webhook-endpoints/${body.id}`).set(admin()).expect(200);
    expect(got.body).toEqual({ ...body, secret: undefined });
    const list = await t.api().get('/v1/webhook-endpoints?limit=200').set(admin()).expect(200);
    expect((list.body.items as Endpoint[]).map((e) => e.id)).toContain(body.id);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');

    // At rest the secret is encrypted: neither it nor its bytes are stored in the clear.
    const [row] = await t.app
      .get(DataSource)
      .query<{ secret_ciphertext: string }[]>(
        `SELECT secret_ciphertext FROM webhook_endpoints WHERE id = $1`,
        [body.id],
      );
    expect(row!.secret_ciphertext).toMatch(/^v1:/);
    expect(row!.secret_ciphertext).not.toContain(body.secret!.slice(6, 20));
  });

  it('pages the list, newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.set(new Date(Date.UTC(2031, 0, 1, 0, 0, i)));
      ids.push(
        ((await create({ url: `https://p${i}.example.com/` }).expect(201)).body as Endpoint).id,
      );
    }
    const first = await t.api().get('/v1/webhook-endpoints?limit=2').set(admin()).expect(200);
    expect((first.body.items as Endpoint[]).map((e) => e.id)).toEqual([ids[2], ids[1]]);
    const second = await t
      .api()
      .get(`/v1/webhook-endpoints?limit=2&cursor=${first.body.nextCursor as string}`)
      .set(admin())
      .expect(200);
    expect((second.body.items as Endpoint[])[0]!.id).toBe(ids[0]);
  });

  it('changes the url, types, description and enabled, and deletes', async () => {
    const { id } = (await create({ url: 'https://a.example.com/' }).expect(201)).body as Endpoint;
    const patched = await t
      .api()
      .patch(`/v1/webhook-endpoints/${id}`)
      .set(admin())
      .send({
        url: 'https://b.example.com/x',
        eventTypes: ['points.earned', 'tier.upgraded'],
        description: 'B',
        enabled: false,
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      url: 'https://b.example.com/x',
      eventTypes: ['points.earned', 'tier.upgraded'],
      description: 'B',
      enabled: false,
      disabledReason: 'manual',
    });
    await t
      .api()
      .patch(`/v1/webhook-endpoints/${id}`)
      .set(admin())
      .send({ description: null, enabled: true, eventTypes: [] })
      .expect(200)
      .expect((r) =>
        expect(r.body).toMatchObject({
          description: null,
          enabled: true,
          disabledReason: null,
          eventTypes: [],
        }),
      );
    await t.api().post(`/v1/webhook-endpoints/${id}/test`).set(admin()).expect(202);

    await t.api().delete(`/v1/webhook-endpoints/${id}`).set(admin()).expect(204);
    const gone = await t.api().get(`/v1/webhook-endpoints/${id}`).set(admin()).expect(404);
    expect(gone.body.error.code).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    for (const [method, path] of [
      ['patch', `/v1/webhook-endpoints/${id}`],
      ['delete', `/v1/webhook-endpoints/${id}`],
      ['post', `/v1/webhook-endpoints/${id}/rotate-secret`],
      ['post', `/v1/webhook-endpoints/${id}/test`],
      ['get', `/v1/webhook-endpoints/${id}/deliveries`],
    ] as const) {
      const response = await t.api()[method](path).set(admin()).send({});
      expect([response.status, response.body.error.code]).toEqual([
        404,
        'WEBHOOK_ENDPOINT_NOT_FOUND',
      ]);
    }
    const noDelivery = await t
      .api()
      .post(`/v1/webhook-deliveries/${id}/redeliver`)
      .set(admin())
      .expect(404);
    expect(noDelivery.body.error.code).toBe('WEBHOOK_DELIVERY_NOT_FOUND');
  });

  it.each([
    ['http without VAFA_WEBHOOK_ALLOW_HTTP', 'http://shop.example.com/hooks'],
    ['credentials in the URL', 'https://user:secret@shop.example.com/hooks'],
    ['another scheme', 'ftp://shop.example.com/hooks'],
    ['a relative URL', '/hooks'],
  ])('refuses %s with 400 WEBHOOK_URL_NOT_ALLOWED', async (_case, url) => {
    const response = await create({ url }).expect(400);
    expect(response.body.error.code).toBe('WEBHOOK_URL_NOT_ALLOWED');
    const { id } = (await create({ url: 'https://c.example.com/' }).expect(201)).body as Endpoint;
    const patched = await t
      .api()
      .patch(`/v1/webhook-endpoints/${id}`)
      .set(admin())
      .send({ url })
      .expect(400);
    expect(patched.body.error.code).toBe('WEBHOOK_URL_NOT_ALLOWED');
  });

  it.each([
    ['no url', {}],
    ['a url too long', { url: `https://shop.example.com/${'a'.repeat(2000)}` }],
    ['an unknown event type', { url: 'https://s.example.com/', eventTypes: ['points.stolen'] }],
    [
      'a repeated event type',
      { url: 'https://s.example.com/', eventTypes: ['coupon.used', 'coupon.used'] },
    ],
    ['an unknown field', { url: 'https://s.example.com/', secret: 'whsec_mine' }],
    ['a description too long', { url: 'https://s.example.com/', description: 'x'.repeat(501) }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_case, body) => {
    const response = await create(body).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses null for url, eventTypes and enabled in a PATCH', async () => {
    const { id } = (await create({ url: 'https://d.example.com/' }).expect(201)).body as Endpoint;
    for (const field of ['url', 'eventTypes', 'enabled']) {
      const response = await t
        .api()
        .patch(`/v1/webhook-endpoints/${id}`)
        .set(admin())
        .send({ [field]: null })
        .expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('audits every change with the secret never written', async () => {
    const created = (await create({ url: 'https://e.example.com/' }).expect(201)).body as Endpoint;
    const rotated = await t
      .api()
      .post(`/v1/webhook-endpoints/${created.id}/rotate-secret`)
      .set(admin())
      .expect(200);
    await t
      .api()
      .patch(`/v1/webhook-endpoints/${created.id}`)
      .set(admin())
      .send({ description: 'E' })
      .expect(200);
    await t.api().delete(`/v1/webhook-endpoints/${created.id}`).set(admin()).expect(204);
    const audit = await t
      .api()
      .get(`/v1/audit-log?resourceType=webhook_endpoint&resourceId=${created.id}`)
      .set(admin())
      .expect(200);
    const entries = audit.body.items as { action: string; actor: { kind: string } }[];
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'delete', 'rotate', 'update']);
    for (const entry of entries) {
      expect(entry.actor.kind).toBe('api_key');
    }
    const text = JSON.stringify(audit.body);
    expect(text).not.toContain(created.secret!.slice(6));
    expect(text).not.toContain((rotated.body as { secret: string }).secret.slice(6));
    expect(text).not.toContain('v1:');
  });

  it('lets only admins manage endpoints', async () => {
    const { id } = (await create({ url: 'https://f.example.com/' }).expect(201)).body as Endpoint;
    for (const role of ['marketer', 'cashier', 'integration'] as const) {
      const key = bearer(t.keys[role]);
      for (const [method, path] of [
        ['post', '/v1/webhook-endpoints'],
        ['get', '/v1/webhook-endpoints'],
        ['get', `/v1/webhook-endpoints/${id}`],
        ['patch', `/v1/webhook-endpoints/${id}`],
        ['delete', `/v1/webhook-endpoints/${id}`],
        ['post', `/v1/webhook-endpoints/${id}/rotate-secret`],
        ['post', `/v1/webhook-endpoints/${id}/test`],
        ['get', `/v1/webhook-endpoints/${id}/deliveries`],
        ['post', `/v1/webhook-deliveries/${id}/redeliver`],
        ['post', '/v1/events/jobs/delete-old'],
      ] as const) {
        const response = await t
          .api()
          [method](path)
          .set(key)
          .send({ url: 'https://g.example.com/' });
        expect([role, method, path, response.status]).toEqual([role, method, path, 403]);
      }
    }
    const member = await t.member();
    await t.api().get('/v1/webhook-endpoints').set(bearer(member.token)).expect(403);
    await t.api().get('/v1/webhook-endpoints').expect(401);
    await t.api().get(`/v1/webhook-endpoints/${id}`).set(admin()).expect(200);
  });
});
