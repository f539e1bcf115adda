import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { AuditLog } from '@vafa/platform';
import { bearer, startTestApp, TestApp } from '../support/test-app';

interface Entry {
  id: string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  resource: { type: string; id: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Issue #13, item 3: every configuration change is recorded with its actor, in its transaction. */
describe('the audit log of configuration changes', () => {
  let t: TestApp;
  let keyIds: { admin: string; marketer: string };
  const marketer = () => bearer(t.keys.marketer);
  const admin = () => bearer(t.keys.admin);

  const count = async (): Promise<number> =>
    (
      await t.app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_log')
    )[0]?.n ?? 0;

  /** Every entry the list answers for `query`, following the cursor. */
  const all = async (query: Record<string, string | number> = {}): Promise<Entry[]> => {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const page: Response = await t
        .api()
        .get('/v1/audit-log')
        .query({ ...query, ...(cursor ? { cursor } : {}) })
        .set(marketer())
        .expect(200);
      entries.push(...(page.body.items as Entry[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    return entries;
  };

  /** Runs one request and answers the audit rows it wrote. */
  const recorded = async (request: () => Promise<unknown>): Promise<Entry[]> => {
    const before = new Set((await all({ limit: 200 })).map((e) => e.id));
    await request();
    return (await all({ limit: 200 })).filter((e) => !before.has(e.id));
  };

  /** The one row a change wrote. */
  const one = async (request: () => Promise<unknown>): Promise<Entry> => {
    const rows = await recorded(request);
    expect(rows).toHaveLength(1);
    return rows[0] as Entry;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const keys = (await t.api().get('/v1/api-keys').set(admin()).expect(200)).body.items as {
      id: string;
      name: string;
    }[];
    keyIds = {
      admin: keys.find((k) => k.name === 'bootstrap-admin')?.id ?? '',
      marketer: keys.find((k) => k.name === 'test marketer')?.id ?? '',
    };
  });
  afterAll(() => t.close());

  it('records a tier created, patched and deleted: actor, action, resource, before and after', async () => {
    const created = await one(() =>
      t
        .api()
        .post('/v1/tiers')
        .set(marketer())
        .send({
          code: 'silver',
          name: 'Silver',
          rank: 5,
          qualification: { metric: 'points_earned', threshold: 500, windowDays: 365 },
        })
        .expect(201),
    );
    const tierId = created.resource.id;
    expect(created).toMatchObject({
      actor: { kind: 'api_key', id: keyIds.marketer, name: 'test marketer' },
      action: 'create',
      resource: { type: 'tier', id: expect.any(String) },
      before: null,
      after: { id: tierId, code: 'silver', name: 'Silver', rank: 5 },
    });
    expect(Date.parse(created.at)).toBe(t.clock.now().getTime());

    const patched = await one(() =>
      t
        .api()
        .patch(`/v1/tiers/${tierId}`)
        .set(marketer())
        .send({ name: 'Silver Plus' })
        .expect(200),
    );
    const shown = (await t.api().get(`/v1/tiers/${tierId}`).set(marketer()).expect(200)).body;
    expect(patched).toMatchObject({
      action: 'update',
      resource: { type: 'tier', id: tierId },
      before: { ...shown, name: 'Silver' },
      after: shown,
    });

    const deleted = await one(() =>
      t.api().delete(`/v1/tiers/${tierId}`).set(marketer()).expect(204),
    );
    expect(deleted).toMatchObject({ action: 'delete', before: shown, after: null });
  });

  it('records program settings and the referral program, PUT and PATCH alike', async () => {
    const before = (await t.api().get('/v1/program').set(marketer()).expect(200)).body;
    const put = await one(() =>
      t.api().put('/v1/program').set(marketer()).send({ pointsPendingDays: 7 }).expect(200),
    );
    expect(put).toMatchObject({
      action: 'update',
      resource: { type: 'program', id: 'program' },
      before,
      after: { ...before, pointsPendingDays: 7 },
    });
    const patch = await one(() =>
      t.api().patch('/v1/program').set(marketer()).send({ pointsExpiryDays: 90 }).expect(200),
    );
    expect(patch.before?.pointsExpiryDays).toBe(before.pointsExpiryDays);
    expect(patch.after?.pointsExpiryDays).toBe(90);

    const referral = (await t.api().get('/v1/referral-program').set(marketer()).expect(200)).body;
    for (const method of ['put', 'patch'] as const) {
      const entry = await one(() =>
        t
          .api()
          [method]('/v1/referral-program')
          .set(marketer())
          .send({ referrerPoints: 700 })
          .expect(200),
      );
      expect(entry.resource).toEqual({ type: 'referral_program', id: 'referral_program' });
      expect(entry.after).toEqual({ ...referral, referrerPoints: 700 });
    }
  });

  it('records earning rules, rewards and campaigns through create, PUT, PATCH and DELETE', async () => {
    const rule = await one(() =>
      t
        .api()
        .post('/v1/earning-rules')
        .set(marketer())
        .send({ name: 'Base', effect: { pointsPerUnit: 1 } })
        .expect(201),
    );
    const ruleId = rule.resource.id;
    const shownRule = (await t.api().get(`/v1/earning-rules/${ruleId}`).set(marketer())).body;
    expect(rule).toMatchObject({ action: 'create', resource: { type: 'earning_rule' } });
    expect(rule.after).toEqual(shownRule);
    const putRule = await one(() =>
      t
        .api()
        .put(`/v1/earning-rules/${ruleId}`)
        .set(marketer())
        .send({ ...shownRule, priority: 20 })
        .expect(200),
    );
    expect([putRule.before?.priority, putRule.after?.priority]).toEqual([0, 20]);
    const patchRule = await one(() =>
      t
        .api()
        .patch(`/v1/earning-rules/${ruleId}`)
        .set(marketer())
        .send({ active: false })
        .expect(200),
    );
    expect([patchRule.before?.active, patchRule.after?.active]).toEqual([true, false]);
    const deleteRule = await one(() =>
      t.api().delete(`/v1/earning-rules/${ruleId}`).set(marketer()).expect(204),
    );
    expect(deleteRule).toMatchObject({ action: 'delete', after: null, before: { id: ruleId } });

    const reward = await one(() =>
      t
        .api()
        .post('/v1/rewards')
        .set(marketer())
        .send({ name: '5 off', type: 'discount_amount', pointsCost: 500, value: 500, stock: 10 })
        .expect(201),
    );
    const rewardId = reward.resource.id;
    expect(reward).toMatchObject({ action: 'create', resource: { type: 'reward' } });
    expect(reward.after).toEqual(
      (await t.api().get(`/v1/rewards/${rewardId}`).set(marketer())).body,
    );
    const patchReward = await one(() =>
      t.api().patch(`/v1/rewards/${rewardId}`).set(marketer()).send({ stock: 4 }).expect(200),
    );
    expect([patchReward.before?.stockRemaining, patchReward.after?.stockRemaining]).toEqual([
      10, 4,
    ]);
    const deleteReward = await one(() =>
      t.api().delete(`/v1/rewards/${rewardId}`).set(marketer()).expect(204),
    );
    expect(deleteReward).toMatchObject({
      action: 'delete',
      resource: { id: rewardId },
      after: null,
    });

    const campaign = await one(() =>
      t
        .api()
        .post('/v1/campaigns')
        .set(marketer())
        .send({
          name: 'Thanks',
          audience: { segment: 'all' },
          gift: { type: 'points', points: 50 },
        })
        .expect(201),
    );
    const campaignId = campaign.resource.id;
    expect(campaign).toMatchObject({ action: 'create', resource: { type: 'campaign' } });
    const shownCampaign = (await t.api().get(`/v1/campaigns/${campaignId}`).set(marketer())).body;
    expect(campaign.after).toEqual(shownCampaign);
    const putCampaign = await one(() =>
      t
        .api()
        .put(`/v1/campaigns/${campaignId}`)
        .set(marketer())
        .send({ ...shownCampaign, name: 'Thank you' })
        .expect(200),
    );
    expect([putCampaign.before?.name, putCampaign.after?.name]).toEqual(['Thanks', 'Thank you']);
    const patchCampaign = await one(() =>
      t
        .api()
        .patch(`/v1/campaigns/${campaignId}`)
        .set(marketer())
        .send({ probability: 0.5 })
        .expect(200),
    );
    expect([patchCampaign.before?.probability, patchCampaign.after?.probability]).toEqual([1, 0.5]);
    const deleteCampaign = await one(() =>
      t.api().delete(`/v1/campaigns/${campaignId}`).set(marketer()).expect(204),
    );
    expect(deleteCampaign).toMatchObject({
      action: 'delete',
      before: { active: true },
      after: { id: campaignId, active: false },
    });
  });

  it('records a manual tier assignment with the previous and the new tier', async () => {
    const member = await t.member();
    for (const [code, rank] of [
      ['bronze', 1],
      ['gold', 10],
    ] as const) {
      await t
        .api()
        .post('/v1/tiers')
        .set(marketer())
        .send({
          code,
          name: code === 'gold' ? 'Gold' : 'Bronze',
          rank,
          qualification: { metric: 'spend', threshold: rank * 10000, windowDays: 365 },
        })
        .expect(201);
    }
    const assigned = await one(() =>
      t
        .api()
        .put(`/v1/members/${member.id}/tier`)
        .set(marketer())
        .send({ tierCode: 'gold', reason: 'Status match', holdDays: 30 })
        .expect(200),
    );
    expect(assigned).toMatchObject({
      actor: { kind: 'api_key', id: keyIds.marketer },
      action: 'assign',
      resource: { type: 'member_tier', id: member.id },
      before: { memberId: member.id, tier: { code: 'bronze' }, heldUntil: null },
      after: { memberId: member.id, tier: { code: 'gold', name: 'Gold' }, reason: 'Status match' },
    });
  });

  it('records API keys created and revoked without their secret, hash or prefix', async () => {
    let secret = '';
    const created = await one(async () => {
      const response = await t
        .api()
        .post('/v1/api-keys')
        .set(admin())
        .send({ name: 'Till 9', role: 'cashier', storeId: 'store-9' })
        .expect(201);
      secret = response.body.key as string;
    });
    expect(secret).toMatch(/^vafa_sk_/);
    expect(created).toMatchObject({
      actor: { kind: 'api_key', id: keyIds.admin, name: 'bootstrap-admin' },
      action: 'create',
      resource: { type: 'api_key' },
      after: { name: 'Till 9', role: 'cashier', storeId: 'store-9', revokedAt: null },
    });
    const revoked = await one(() =>
      t.api().delete(`/v1/api-keys/${created.resource.id}`).set(admin()).expect(200),
    );
    expect(revoked).toMatchObject({
      action: 'revoke',
      before: { revokedAt: null },
      after: { revokedAt: expect.any(String) },
    });
    // Revoking it again changes nothing, so records nothing.
    expect(
      await recorded(() =>
        t.api().delete(`/v1/api-keys/${created.resource.id}`).set(admin()).expect(200),
      ),
    ).toEqual([]);

    const everything = JSON.stringify(await all({ limit: 200 }));
    expect(everything).not.toContain('vafa_sk_');
    expect(everything).not.toContain(secret.slice(8, 20));
    expect(everything).not.toContain(createHash('sha256').update(secret).digest('hex'));
  });

  it('redacts secrets whatever the resource, e.g. a staff user password and its hash', async () => {
    const dataSource = t.app.get(DataSource);
    await dataSource.transaction((manager) =>
      t.app.get(AuditLog).record(manager, {
        actor: { kind: 'system', id: null, name: null },
        action: 'create',
        resourceType: 'staff_user',
        resourceId: 'f2b9c1de-0000-4000-8000-000000000001',
        before: null,
        after: {
          email: 'ops@example.com',
          password: 'correct horse battery staple',
          passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
          session: { token: 'session-secret-value' },
        },
      }),
    );
    const [entry] = await all({ resourceType: 'staff_user' });
    expect(entry?.after).toEqual({
      email: 'ops@example.com',
      password: '[redacted]',
      passwordHash: '[redacted]',
      session: { token: '[redacted]' },
    });
    const raw = JSON.stringify(await dataSource.query('SELECT before, after FROM audit_log'));
    expect(raw).not.toContain('correct horse');
    expect(raw).not.toContain('$argon2id$');
    expect(raw).not.toContain('session-secret-value');
  });

  it('writes in the caller transaction: a change that fails leaves no row', async () => {
    const before = await count();
    const tiers = (await t.api().get('/v1/tiers').set(marketer()).expect(200)).body.items as {
      id: string;
      code: string;
    }[];
    const gold = tiers.find((tier) => tier.code === 'gold')?.id ?? '';
    // 409: a taken code (the unique index refuses the UPDATE inside the transaction).
    await t.api().patch(`/v1/tiers/${gold}`).set(marketer()).send({ code: 'bronze' }).expect(409);
    // 409: a tier still held by a member.
    await t.api().delete(`/v1/tiers/${gold}`).set(marketer()).expect(409);
    // 400: an invalid whole after a patch; a bad time zone.
    await t.api().patch(`/v1/tiers/${gold}`).set(marketer()).send({ rank: -1 }).expect(400);
    await t.api().put('/v1/program').set(marketer()).send({ timeZone: 'Mars/Base' }).expect(400);
    // 422: a campaign gift naming no reward; 404: a rule that does not exist.
    await t
      .api()
      .post('/v1/campaigns')
      .set(marketer())
      .send({
        name: 'Ghost',
        audience: { segment: 'all' },
        gift: { type: 'reward', rewardId: '00000000-0000-4000-8000-000000000000' },
      })
      .expect(422);
    await t
      .api()
      .delete('/v1/earning-rules/00000000-0000-4000-8000-000000000000')
      .set(marketer())
      .expect(404);
    // 403: a marketer may not create keys.
    await t
      .api()
      .post('/v1/api-keys')
      .set(marketer())
      .send({ name: 'x', role: 'admin' })
      .expect(403);
    expect(await count()).toBe(before);

    const dataSource = t.app.get(DataSource);
    await expect(
      dataSource.transaction(async (manager) => {
        await t.app.get(AuditLog).record(manager, {
          actor: { kind: 'system', id: null, name: null },
          action: 'update',
          resourceType: 'program',
          resourceId: 'program',
          before: {},
          after: {},
        });
        throw new Error('the change failed after its audit row');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
  });

  it('filters by resource, actor and time, and pages newest first', async () => {
    t.clock.advanceDays(1);
    const from = t.clock.now().toISOString();
    const created = await one(() =>
      t
        .api()
        .post('/v1/earning-rules')
        .set(admin())
        .send({ name: 'Weekend', effect: { multiplier: 2 } })
        .expect(201),
    );
    const ruleId = created.resource.id;
    for (const priority of [1, 2, 3]) {
      t.clock.advanceDays(1);
      await t
        .api()
        .patch(`/v1/earning-rules/${ruleId}`)
        .set(marketer())
        .send({ priority })
        .expect(200);
    }
    const to = t.clock.now().toISOString();

    const ofRule = await all({ resourceType: 'earning_rule', resourceId: ruleId });
    expect(ofRule.map((e) => e.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(ofRule.map((e) => e.after?.priority)).toEqual([3, 2, 1, 0]);
    const times = ofRule.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    expect((await all({ resourceId: ruleId, actorId: keyIds.admin })).map((e) => e.action)).toEqual(
      ['create'],
    );
    expect(await all({ resourceId: ruleId, actorId: keyIds.marketer })).toHaveLength(3);
    // `from` inclusive, `to` exclusive: the last change (made at `to`) is out.
    expect((await all({ from, to })).map((e) => e.after?.priority)).toEqual([2, 1, 0]);

    // Pages of two join up to the whole list, none skipped or repeated.
    const whole = await all({ limit: 200 });
    const paged = await all({ limit: 2 });
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
  });

  it.each([
    ['an unknown resource type', { resourceType: 'planet' }],
    ['a from that is no date', { from: 'yesterday' }],
    ['a from not before to', { from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' }],
    ['a cursor it did not make', { cursor: 'bm90LWEtY3Vyc29y' }],
    ['a limit out of bounds', { limit: 0 }],
    ['an unknown filter', { tenant: 'x' }],
  ])('answers 400 VALIDATION_FAILED for %s', async (_, query) => {
    const response = await t.api().get('/v1/audit-log').query(query).set(marketer()).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('is for admins and marketers: cashiers and integrations get 403', async () => {
    await t.api().get('/v1/audit-log').set(admin()).expect(200);
    for (const key of [t.keys.cashier, t.keys.integration]) {
      await t.api().get('/v1/audit-log').set(bearer(key)).expect(403);
    }
    await t.api().get('/v1/audit-log').expect(401);
  });
});
