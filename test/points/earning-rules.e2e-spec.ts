import { EarningRulesRepository } from '@vafa/points';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import type { RuleBody } from './earning-rule-body';

const MISSING = '00000000-0000-4000-8000-000000000000';

const FULL = {
  name: 'Double points on coffee weekends',
  active: true,
  priority: 10,
  conditions: {
    channels: ['store', 'app'],
    storeIds: ['store-1'],
    tiers: ['gold'],
    categories: ['coffee'],
    skus: ['LATTE-L'],
    minOrderTotal: 2000,
    daysOfWeek: [6, 7],
    validFrom: '2026-12-01T00:00:00.000Z',
    validUntil: '2027-01-01T00:00:00.000Z',
  },
  effect: { pointsPerUnit: 1.25, multiplier: 2, fixedPoints: 50 },
  stackable: false,
  limits: { perMemberPerDay: 1 },
};

describe('earning rules (/v1/earning-rules)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown>): Promise<RuleBody> =>
    (await t.api().post('/v1/earning-rules').set(bearer(t.keys.marketer)).send(body).expect(201))
      .body as RuleBody;

  it('creates a rule with every field and reads it back', async () => {
    const created = await create(FULL);
    expect(created).toEqual({
      ...FULL,
      id: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(new Date(created.createdAt).getTime()).not.toBeNaN();
    const read = await t
      .api()
      .get(`/v1/earning-rules/${created.id}`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(read.body).toEqual(created);
  });

  it('fills in the defaults for a minimal rule', async () => {
    const created = await create({ name: '  Base rate  ', effect: { pointsPerUnit: 1 } });
    expect(created).toMatchObject({
      name: 'Base rate',
      active: true,
      priority: 0,
      stackable: true,
      conditions: {},
      effect: { pointsPerUnit: 1 },
      limits: null,
    });
  });

  it('treats null as absent and stores validity instants in UTC', async () => {
    const created = await create({
      name: 'Nulls',
      active: null,
      conditions: {
        channels: null,
        validFrom: '2026-12-01T08:00:00+03:30',
        validUntil: '2026-12-02T00:00:00Z',
      },
      effect: { pointsPerUnit: null, fixedPoints: 5 },
      limits: { perMemberPerDay: null },
    });
    expect(created).toMatchObject({
      active: true,
      conditions: {
        validFrom: '2026-12-01T04:30:00.000Z',
        validUntil: '2026-12-02T00:00:00.000Z',
      },
      effect: { fixedPoints: 5 },
      limits: null,
    });
    expect(created.conditions).not.toHaveProperty('channels');
    expect(created.effect).not.toHaveProperty('pointsPerUnit');
  });

  it('replaces a whole rule with PUT, omitted fields returning to their defaults', async () => {
    const created = await create(FULL);
    const replaced = await t
      .api()
      .put(`/v1/earning-rules/${created.id}`)
      .set(bearer(t.keys.marketer))
      .send({ name: 'Just a bonus', active: false, effect: { fixedPoints: 10 } })
      .expect(200);
    expect(replaced.body).toEqual({
      id: created.id,
      name: 'Just a bonus',
      active: false,
      priority: 0,
      conditions: {},
      effect: { fixedPoints: 10 },
      stackable: true,
      limits: null,
      createdAt: created.createdAt,
      updatedAt: expect.any(String),
    });
    expect(new Date(replaced.body.updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(created.updatedAt).getTime(),
    );
    const read = await t
      .api()
      .get(`/v1/earning-rules/${created.id}`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(read.body).toEqual(replaced.body);
    // PUT validates like POST.
    const invalid = await t
      .api()
      .put(`/v1/earning-rules/${created.id}`)
      .set(bearer(t.keys.marketer))
      .send({ name: 'No effect', effect: {} })
      .expect(400);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('deletes a rule with 204; afterwards it is 404 everywhere', async () => {
    const created = await create({ name: 'Short-lived', effect: { multiplier: 1.5 } });
    const deleted = await t
      .api()
      .delete(`/v1/earning-rules/${created.id}`)
      .set(bearer(t.keys.marketer))
      .expect(204);
    expect(deleted.text).toBe('');
    const marketer = bearer(t.keys.marketer);
    for (const response of [
      await t.api().get(`/v1/earning-rules/${created.id}`).set(marketer),
      await t.api().delete(`/v1/earning-rules/${created.id}`).set(marketer),
      await t
        .api()
        .put(`/v1/earning-rules/${created.id}`)
        .set(marketer)
        .send({ name: 'Back?', effect: { fixedPoints: 1 } }),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('EARNING_RULE_NOT_FOUND');
    }
    const list = await t.api().get('/v1/earning-rules?limit=200').set(marketer).expect(200);
    expect(list.body.items.map((r: RuleBody) => r.id)).not.toContain(created.id);
  });

  it('answers 404 EARNING_RULE_NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
    const missing = await t
      .api()
      .get(`/v1/earning-rules/${MISSING}`)
      .set(bearer(t.keys.marketer))
      .expect(404);
    expect(missing.body.error.code).toBe('EARNING_RULE_NOT_FOUND');
    const malformed = await t
      .api()
      .get('/v1/earning-rules/not-a-uuid')
      .set(bearer(t.keys.marketer))
      .expect(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    await t.api().delete('/v1/earning-rules/not-a-uuid').set(bearer(t.keys.marketer)).expect(400);
  });

  describe('rejects bad input with 400 VALIDATION_FAILED', () => {
    const valid = { name: 'Rule', effect: { pointsPerUnit: 1 } };
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown field', { ...valid, isVip: true }, 'isVip'],
      ['an unknown field in conditions', { ...valid, conditions: { colour: 'red' } }, 'colour'],
      ['an unknown field in effect', { ...valid, effect: { bonus: 5, fixedPoints: 1 } }, 'bonus'],
      ['an unknown field in limits', { ...valid, limits: { perYear: 2 } }, 'perYear'],
      ['a bad channel', { ...valid, conditions: { channels: ['fax'] } }, 'channels'],
      ['daysOfWeek 8', { ...valid, conditions: { daysOfWeek: [1, 8] } }, 'daysOfWeek'],
      ['daysOfWeek 0', { ...valid, conditions: { daysOfWeek: [0] } }, 'daysOfWeek'],
      ['a fractional day', { ...valid, conditions: { daysOfWeek: [1.5] } }, 'daysOfWeek'],
      ['an empty effect', { name: 'Rule', effect: {} }, 'effect must set at least one of'],
      ['an all-null effect', { name: 'Rule', effect: { multiplier: null } }, 'effect must set'],
      ['no effect', { name: 'Rule' }, 'effect'],
      ['an effect that is an array', { name: 'Rule', effect: [{ fixedPoints: 1 }] }, 'effect'],
      [
        'validFrom after validUntil',
        {
          ...valid,
          conditions: {
            validFrom: '2027-01-01T00:00:00Z',
            validUntil: '2026-12-01T00:00:00Z',
          },
        },
        'validUntil must be after validFrom',
      ],
      [
        'validFrom equal to validUntil',
        {
          ...valid,
          conditions: {
            validFrom: '2026-12-01T00:00:00Z',
            validUntil: '2026-12-01T03:30:00+03:30',
          },
        },
        'validUntil must be after validFrom',
      ],
      ['a date without a time', { ...valid, conditions: { validFrom: '2026-12-01' } }, 'validFrom'],
      [
        'a date-time without a zone',
        { ...valid, conditions: { validFrom: '2026-12-01T00:00:00' } },
        'validFrom',
      ],
      [
        'an impossible date',
        { ...valid, conditions: { validUntil: '2026-02-30T00:00:00Z' } },
        'validUntil',
      ],
      [
        'a negative minOrderTotal',
        { ...valid, conditions: { minOrderTotal: -1 } },
        'minOrderTotal',
      ],
      [
        'a fractional minOrderTotal',
        { ...valid, conditions: { minOrderTotal: 10.5 } },
        'minOrderTotal',
      ],
      ['a list of non-strings', { ...valid, conditions: { skus: [1] } }, 'skus'],
      ['conditions as an array', { ...valid, conditions: [] }, 'conditions'],
      ['5 decimals in pointsPerUnit', { name: 'R', effect: { pointsPerUnit: 1.23456 } }, 'decimal'],
      ['a tiny exponent rate', { name: 'R', effect: { pointsPerUnit: 1e-7 } }, 'decimal'],
      ['a negative rate', { name: 'R', effect: { pointsPerUnit: -1 } }, 'pointsPerUnit'],
      ['a multiplier below 1', { name: 'R', effect: { multiplier: 0.5 } }, 'multiplier'],
      ['a fractional fixedPoints', { name: 'R', effect: { fixedPoints: 1.5 } }, 'fixedPoints'],
      ['a string number', { name: 'R', effect: { fixedPoints: '5' } }, 'fixedPoints'],
      ['perMemberPerDay 0', { ...valid, limits: { perMemberPerDay: 0 } }, 'perMemberPerDay'],
      ['a blank name', { ...valid, name: '   ' }, 'name'],
      ['a fractional priority', { ...valid, priority: 1.5 }, 'priority'],
      ['a non-boolean active', { ...valid, active: 'yes' }, 'active'],
    ];
    it.each(cases)('%s', async (_label, body, message) => {
      const response = await t
        .api()
        .post('/v1/earning-rules')
        .set(bearer(t.keys.marketer))
        .send(body)
        .expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.message).toContain(message);
    });

    it('names the nested field in the details', async () => {
      const response = await t
        .api()
        .post('/v1/earning-rules')
        .set(bearer(t.keys.marketer))
        .send({ ...valid, conditions: { daysOfWeek: [8] } })
        .expect(400);
      expect(response.body.error.details).toEqual([
        { field: 'conditions.daysOfWeek', problems: [expect.stringContaining('daysOfWeek')] },
      ]);
    });
  });

  it('lets only marketers and admins in: 403 for cashier, integration and member tokens', async () => {
    const created = await create({ name: 'Guarded', effect: { fixedPoints: 1 } });
    const member = await t.member();
    const body = { name: 'Nope', effect: { fixedPoints: 1 } };
    for (const token of [t.keys.cashier, t.keys.integration, member.token]) {
      const auth = bearer(token);
      for (const response of [
        await t.api().get('/v1/earning-rules').set(auth),
        await t.api().get(`/v1/earning-rules/${created.id}`).set(auth),
        await t.api().post('/v1/earning-rules').set(auth).send(body),
        await t.api().put(`/v1/earning-rules/${created.id}`).set(auth).send(body),
        await t.api().delete(`/v1/earning-rules/${created.id}`).set(auth),
      ]) {
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      }
    }
    await t.api().get('/v1/earning-rules').expect(401);
    await t.api().get(`/v1/earning-rules/${created.id}`).set(bearer(t.keys.admin)).expect(200);
  });

  it('lists newest first, filters by active and pages with an opaque cursor', async () => {
    const marketer = bearer(t.keys.marketer);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await create({ name: `Page ${i}`, active: i % 2 === 0, effect: { fixedPoints: i } })).id,
      );
    }
    const newest = [...ids].reverse();

    const first = await t.api().get('/v1/earning-rules?limit=2').set(marketer).expect(200);
    expect(first.body.items.map((r: RuleBody) => r.id)).toEqual(newest.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
      const page = await t.api().get(`/v1/earning-rules?${query}`).set(marketer).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((r: RuleBody) => r.id));
      cursor = page.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 100);
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual(newest);
    const all = await t.api().get('/v1/earning-rules?limit=200').set(marketer).expect(200);
    expect(all.body.items.map((r: RuleBody) => r.id)).toEqual(seen);
    expect(all.body.nextCursor).toBeNull();
    const times = (all.body.items as RuleBody[]).map((r) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const active = await t.api().get('/v1/earning-rules?active=true&limit=200').set(marketer);
    expect(active.status).toBe(200);
    expect(active.body.items.every((r: RuleBody) => r.active)).toBe(true);
    expect(active.body.items.map((r: RuleBody) => r.id).slice(0, 3)).toEqual([
      ids[4],
      ids[2],
      ids[0],
    ]);
    const inactive = await t.api().get('/v1/earning-rules?active=false&limit=1').set(marketer);
    expect(inactive.status).toBe(200);
    expect(inactive.body.items.map((r: RuleBody) => r.id)).toEqual([ids[3]]);
    const next = await t
      .api()
      .get(`/v1/earning-rules?active=false&limit=1&cursor=${inactive.body.nextCursor}`)
      .set(marketer)
      .expect(200);
    expect(next.body.items.map((r: RuleBody) => r.id)).toEqual([ids[1]]);

    const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    for (const query of ['cursor=garbage', `cursor=${forged}`, 'limit=500', 'active=maybe']) {
      const response = await t.api().get(`/v1/earning-rules?${query}`).set(marketer).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('gives checkout the active rules in the engine shape, in one call', async () => {
    const on = await create({
      name: 'Engine on',
      priority: 7,
      conditions: { channels: ['online'] },
      effect: { pointsPerUnit: 2 },
      limits: { perMemberPerDay: 3 },
    });
    const noLimits = await create({ name: 'Engine no limits', effect: { fixedPoints: 4 } });
    const off = await create({ name: 'Engine off', active: false, effect: { fixedPoints: 9 } });
    const rules = await t.app.get(EarningRulesRepository).activeRules();
    expect(rules.every((r) => r.active)).toBe(true);
    expect(rules.map((r) => r.id)).not.toContain(off.id);
    expect(rules.find((r) => r.id === on.id)).toEqual({
      id: on.id,
      name: 'Engine on',
      active: true,
      priority: 7,
      stackable: true,
      conditions: { channels: ['online'] },
      effect: { pointsPerUnit: 2 },
      limits: { perMemberPerDay: 3 },
    });
    expect(rules.find((r) => r.id === noLimits.id)).not.toHaveProperty('limits');
  });

  it('documents the endpoints in OpenAPI with examples', async () => {
    const response = await t.api().get('/docs-json').expect(200);
    const paths = response.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/v1/earning-rules'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(paths['/v1/earning-rules/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put', 'delete']),
    );
    const schemas = response.body.components.schemas as Record<
      string,
      { properties: Record<string, { example?: unknown }> }
    >;
    for (const name of [
      'CreateEarningRuleDto',
      'EarningRuleConditionsDto',
      'EarningRuleEffectDto',
      'EarningRuleLimitsDto',
      'EarningRuleDto',
    ]) {
      const properties = Object.entries(schemas[name]?.properties ?? {});
      expect(properties.length).toBeGreaterThan(0);
      for (const [field, schema] of properties) {
        if (schema.example === undefined) {
          throw new Error(`${name}.${field} has no example`);
        }
      }
    }
  });
});
