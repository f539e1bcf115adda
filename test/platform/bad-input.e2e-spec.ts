import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';

/** Issue #11 A and E4, one case each: bad input is a 400 in the error format, never a 500. */
describe('bad input is never a 500', () => {
  let t: TestApp;
  let member: TestMember;
  let admin: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = bearer(t.keys.admin);
    member = await t.member();
  });
  afterAll(() => t.close());

  const expectRefused = (response: Response): void => {
    expect({ status: response.status, body: response.body as unknown }).toEqual({
      status: 400,
      body: { error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) },
    });
  };
  /** JSON written by hand, so lone surrogates and NULs arrive as the escapes a client sends. */
  const sendJson = (method: 'post' | 'put', path: string, json: string) =>
    t.api()[method](path).set(admin).set('Content-Type', 'application/json').send(json);
  const checkout = (body: Record<string, unknown>, path = '/v1/pos/checkouts') =>
    t.api().post(path).set(admin).set('Idempotency-Key', `bad-${Math.random()}`).send(body);
  const LINE = { sku: 'S', quantity: 1, unitPrice: 1000 };
  const CAMPAIGN = {
    name: 'Everyone',
    audience: { segment: 'all' },
    gift: { type: 'points', points: 10 },
  };

  it('refuses a body nested thousands of levels deep (was RangeError: call stack)', async () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000);
    expectRefused(await sendJson('post', '/v1/members', `{"name": ${deep}}`));
    expectRefused(await sendJson('put', '/v1/program', `{"name": ${deep}}`));
  });

  it('refuses NUL and lone surrogates in body, query and path (were PostgreSQL errors)', async () => {
    expectRefused(await sendJson('post', '/v1/members', '{"name": "a\\u0000b"}'));
    expectRefused(await sendJson('post', '/v1/members', '{"email": "\\ud800x@example.com"}'));
    expectRefused(await sendJson('put', '/v1/program', '{"name": "\\ud800x"}'));
    expectRefused(await sendJson('post', '/v1/tiers', '{"a\\u0000": 1}'));
    expectRefused(await t.api().get('/v1/members?email=a%00b').set(admin));
    expectRefused(await t.api().get('/v1/members?externalId=%00').set(admin));
    expectRefused(await t.api().get(`/v1/members/${member.id}%00/activity`).set(admin));
  });

  it.each([
    ['/v1/program', { redemptionPoints: 9e15 }],
    ['/v1/program', { redemptionValue: 2 ** 31 }],
    ['/v1/program', { goodwillDailyBudget: 9e15 }],
    ['/v1/program', { goodwillMonthlyCap: 9e15 }],
    ['/v1/referral-program', { velocityMax: 9e15 }],
    ['/v1/referral-program', { qualifyingMinSpend: 1e20 }],
    ['/v1/program', { currency: null }],
    ['/v1/program', { redemptionPoints: null }],
    ['/v1/program', { timeZone: null }],
    ['/v1/referral-program', { velocityMax: null }],
    ['/v1/referral-program', { shareBaseUrl: null }],
  ])('PUT %s %j is refused (was out of range / NOT NULL)', async (path, body) => {
    expectRefused(await t.api().put(path).set(admin).send(body));
  });

  it.each([
    ['maxGrantsPerRun beyond an integer', { budget: { maxGrantsPerRun: 9e15 } }],
    ['maxPointsTotal beyond a safe bigint', { budget: { maxPointsTotal: 1e20 } }],
    ['a denormal probability', { probability: 5e-324 }],
    [
      'a denormal percent',
      { audience: { segment: 'top_clv_percent', params: { percent: 5e-324 } } },
    ],
    ['no audience', { audience: undefined }],
    ['no gift', { gift: undefined }],
    ['an empty audience list', { audience: [] }],
    ['an audience of null', { audience: [null] }],
    ['an array in audience.and', { audience: { segment: 'all', and: [[]] } }],
    ['null in audience.and', { audience: { segment: 'all', and: [null] } }],
    ['an array for the gift', { gift: [{ type: 'points', points: 10 }] }],
    ['an array for the budget', { budget: [] }],
  ])('refuses a campaign with %s', async (_case, change) => {
    expectRefused(
      await t
        .api()
        .post('/v1/campaigns')
        .set(admin)
        .send({ ...CAMPAIGN, ...change }),
    );
  });

  it('takes back what GET /v1/campaigns/{id} returns, and runs it afterwards', async () => {
    const created = await t
      .api()
      .post('/v1/campaigns')
      .set(admin)
      .send({ ...CAMPAIGN, audience: { segment: 'all', and: [{ segment: 'birthday_today' }] } })
      .expect(201);
    const id = (created.body as { id: string }).id;
    const read = (await t.api().get(`/v1/campaigns/${id}`).set(admin).expect(200)).body as Record<
      string,
      unknown
    >;
    const { id: _id, pointsGranted: _granted, createdAt: _created, ...writable } = read;
    const replaced = await t.api().put(`/v1/campaigns/${id}`).set(admin).send(writable).expect(200);
    expect((replaced.body as { audience: unknown }).audience).toEqual([
      { segment: 'all' },
      { segment: 'birthday_today' },
    ]);
    await t.api().post(`/v1/campaigns/${id}/run`).set(admin).send({ dryRun: true }).expect(200);
  });

  it('refuses tiers with an array for an object and a denormal multiplier', async () => {
    const tier = {
      code: 'silver',
      name: 'Silver',
      rank: 1,
      qualification: { metric: 'spend', threshold: 1000, windowDays: 30 },
    };
    expectRefused(
      await t
        .api()
        .post('/v1/tiers')
        .set(admin)
        .send({ ...tier, qualification: [] }),
    );
    expectRefused(
      await t
        .api()
        .post('/v1/tiers')
        .set(admin)
        .send({ ...tier, benefits: [] }),
    );
    expectRefused(
      await t
        .api()
        .post('/v1/tiers')
        .set(admin)
        .send({ ...tier, benefits: { pointsMultiplier: 5e-324 } }),
    );
  });

  it.each(['/v1/pos/checkouts', '/v1/pos/checkouts/simulate'])(
    '%s: refuses a missing member, arrays for objects and objects for arrays',
    async (path) => {
      const order = { orderId: `o-${Math.random()}`, channel: 'store' };
      expectRefused(await checkout({ ...order, lines: [LINE] }, path));
      expectRefused(await checkout({ ...order, member: [{ id: member.id }], lines: [LINE] }, path));
      expectRefused(await checkout({ ...order, member: { id: member.id }, lines: [[]] }, path));
      expectRefused(await checkout({ ...order, member: { id: member.id }, lines: [null] }, path));
      expectRefused(await checkout({ ...order, member: { id: member.id }, lines: LINE }, path));
    },
  );

  it('refuses a return whose lines are not objects (was 201 with nothing returned)', async () => {
    const orderId = `o-${Math.random()}`;
    await checkout({ orderId, channel: 'store', member: { id: member.id }, lines: [LINE] });
    const returned = (lines: unknown) =>
      t
        .api()
        .post('/v1/pos/returns')
        .set(admin)
        .set('Idempotency-Key', `ret-${Math.random()}`)
        .send({ orderId, lines });
    expectRefused(await returned([[]]));
    expectRefused(await returned([null]));
  });

  it('refuses a null asOf for a model fit', async () => {
    expectRefused(await t.api().post('/v1/insights/models/fit').set(admin).send({ asOf: null }));
  });

  it('refuses a cursor of the wrong shape on every list (was 500 on two)', async () => {
    const wrong = Buffer.from('["x","y"]').toString('base64url');
    const lists = [
      '/v1/members',
      `/v1/members/${member.id}/activity`,
      `/v1/members/${member.id}/perks`,
      '/v1/earning-rules',
      '/v1/tiers',
      '/v1/referrals',
      '/v1/rewards',
      '/v1/campaigns',
      '/v1/insights/models',
      '/v1/api-keys',
    ];
    for (const list of lists) {
      expectRefused(await t.api().get(`${list}?cursor=${wrong}`).set(admin));
    }
    for (const list of ['/v1/me/activity', '/v1/me/rewards', '/v1/me/perks']) {
      expectRefused(await t.api().get(`${list}?cursor=${wrong}`).set(bearer(member.token)));
    }
    const badDay = Buffer.from(
      '["2026-02-30T00:00:00.000Z","6f1c2a9e-6b7d-4a53-8d5e-0b9f6f1e2c11"]',
    );
    expectRefused(
      await t
        .api()
        .get(`/v1/referrals?cursor=${badDay.toString('base64url')}`)
        .set(admin),
    );
  });

  it.each(['/v1/campaigns', '/v1/tiers'])('%s pages: limit, nextCursor, the rest', async (list) => {
    for (let i = 0; i < 3; i++) {
      const body =
        list === '/v1/tiers'
          ? {
              code: `page-${i}`,
              name: `Page ${i}`,
              rank: 100 + i,
              qualification: { metric: 'spend', threshold: 1000 * (i + 1), windowDays: 30 },
            }
          : { ...CAMPAIGN, name: `Page ${i}` };
      await t.api().post(list).set(admin).send(body).expect(201);
    }
    const first = await t.api().get(`${list}?limit=1`).set(admin).expect(200);
    const page = first.body as { items: { id: string }[]; nextCursor: string | null };
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    const rest = await t
      .api()
      .get(`${list}?limit=200&cursor=${page.nextCursor}`)
      .set(admin)
      .expect(200);
    const ids = (rest.body as { items: { id: string }[] }).items.map((item) => item.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids).not.toContain(page.items[0]?.id);
    expectRefused(await t.api().get(`${list}?limit=201`).set(admin));
  });

  it('answers a URL over 16 KB with 431 in the error format (was an empty body)', async () => {
    const server = t.http.listening ? t.http : t.http.listen(0);
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<{ status?: number; type?: string; body: string }>(
      (resolve, reject) => {
        const request = http.get(
          { port, path: `/v1/members?email=${'a'.repeat(17_000)}`, headers: admin },
          (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode,
                type: response.headers['content-type'],
                body,
              }),
            );
          },
        );
        request.on('error', reject);
      },
    );
    expect(answer.status).toBe(431);
    expect(answer.type).toContain('application/json');
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', message: expect.any(String) },
    });
  });
});
