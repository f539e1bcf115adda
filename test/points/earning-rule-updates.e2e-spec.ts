import { bearer, startTestApp, TestApp } from '../support/test-app';
import type { RuleBody } from './earning-rule-body';

const MISSING = '00000000-0000-4000-8000-000000000000';

const RULE = {
  name: 'Double points on coffee weekends',
  active: true,
  priority: 10,
  conditions: {
    channels: ['store'],
    categories: ['coffee'],
    daysOfWeek: [6, 7],
    validFrom: '2026-12-01T00:00:00.000Z',
    validUntil: '2027-01-01T00:00:00.000Z',
  },
  effect: { multiplier: 2 },
  stackable: false,
  limits: { perMemberPerDay: 1 },
};

/** Item 13: PUT takes back what GET returns; PATCH changes only the fields it names. */
describe('changing an earning rule: PUT takes the GET body, PATCH is partial', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown> = RULE): Promise<RuleBody> =>
    (await t.api().post('/v1/earning-rules').set(bearer(t.keys.marketer)).send(body).expect(201))
      .body as RuleBody;
  const read = async (id: string): Promise<RuleBody> =>
    (await t.api().get(`/v1/earning-rules/${id}`).set(bearer(t.keys.marketer)).expect(200))
      .body as RuleBody;
  const patch = (id: string, body: unknown) =>
    t
      .api()
      .patch(`/v1/earning-rules/${id}`)
      .set(bearer(t.keys.marketer))
      .send(body as object);
  const withoutUpdatedAt = ({ updatedAt: _, ...rest }: RuleBody): Omit<RuleBody, 'updatedAt'> =>
    rest;

  it.each([
    ['every field set', RULE],
    [
      'only the required fields (limits null, conditions empty)',
      { name: 'Base', effect: { pointsPerUnit: 1 } },
    ],
  ])('accepts back with PUT what GET returned, %s, and changes nothing', async (_, body) => {
    const created = await create(body);
    const got = await read(created.id);
    const put = await t
      .api()
      .put(`/v1/earning-rules/${created.id}`)
      .set(bearer(t.keys.marketer))
      .send(got)
      .expect(200);
    expect(withoutUpdatedAt(put.body as RuleBody)).toEqual(withoutUpdatedAt(got));
    expect(withoutUpdatedAt(await read(created.id))).toEqual(withoutUpdatedAt(got));
  });

  it('still refuses unknown fields in a PUT body', async () => {
    const created = await create();
    const response = await t
      .api()
      .put(`/v1/earning-rules/${created.id}`)
      .set(bearer(t.keys.marketer))
      .send({ ...(await read(created.id)), colour: 'red' })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('pauses a rule with PATCH {"active": false}, leaving every other field as it was', async () => {
    const created = await create();
    const patched = await patch(created.id, { active: false }).expect(200);
    expect(withoutUpdatedAt(patched.body as RuleBody)).toEqual({
      ...withoutUpdatedAt(created),
      active: false,
    });
    expect(await read(created.id)).toEqual(patched.body);
    const inactive = await t
      .api()
      .get('/v1/earning-rules?active=false')
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect((inactive.body.items as RuleBody[]).map((r) => r.id)).toContain(created.id);
  });

  it('replaces a named nested object as a whole and keeps the others', async () => {
    const created = await create();
    const patched = await patch(created.id, {
      priority: 3,
      conditions: { categories: ['tea'] },
    }).expect(200);
    expect(withoutUpdatedAt(patched.body as RuleBody)).toEqual({
      ...withoutUpdatedAt(created),
      priority: 3,
      conditions: { categories: ['tea'] },
    });
  });

  it('clears an optional object with null', async () => {
    const created = await create();
    const patched = await patch(created.id, { limits: null }).expect(200);
    expect(patched.body).toMatchObject({ limits: null, effect: RULE.effect, name: RULE.name });
  });

  it.each([
    ['a required field cleared', { name: null }, 'name'],
    ['the effect cleared', { effect: null }, 'effect'],
    ['an effect with nothing in it', { effect: {} }, 'effect'],
    [
      'validUntil before validFrom',
      { conditions: { validFrom: '2027-01-02T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' } },
      'conditions.validUntil',
    ],
  ])(
    'refuses a patch whose result is invalid (%s) with 400 and changes nothing',
    async (_, body, field) => {
      const created = await create();
      const response = await patch(created.id, body).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(response.body.error.details)).toContain(field);
      expect(await read(created.id)).toEqual(created);
    },
  );

  it('refuses unknown fields and wrong types in a PATCH body with 400', async () => {
    const created = await create();
    expect((await patch(created.id, { colour: 'red' }).expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await patch(created.id, { active: 'no' }).expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await patch(created.id, [{ active: false }]).expect(400)).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(await read(created.id)).toEqual(created);
  });

  it('answers 404 EARNING_RULE_NOT_FOUND for a PATCH of an unknown rule', async () => {
    const response = await patch(MISSING, { active: false }).expect(404);
    expect(response.body.error.code).toBe('EARNING_RULE_NOT_FOUND');
    await patch('not-a-uuid', { active: false }).expect(400);
  });

  it('lets only marketers and admins PATCH', async () => {
    const created = await create();
    for (const key of [t.keys.cashier, t.keys.integration]) {
      await t
        .api()
        .patch(`/v1/earning-rules/${created.id}`)
        .set(bearer(key))
        .send({ active: false })
        .expect(403);
    }
    await t
      .api()
      .patch(`/v1/earning-rules/${created.id}`)
      .set(bearer(t.keys.admin))
      .send({ active: false })
      .expect(200);
  });
});
