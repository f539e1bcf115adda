import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp, TestMember } from '../support/test-app';
import { createSpendTierLadder } from '../support/tier-ladder';
import { buyOne } from '../support/till';

const DAY = 86_400_000;

/** Issue #12 item 10: one tier rule for staff and member views, and tiers assigned by hand. */
describe('tiers: the lowest tier for everyone without one, and manual assignment', () => {
  let t: TestApp;
  const tierIds: Record<string, string> = {};
  const assign = (memberId: string, body: Record<string, unknown>, key = t.keys.marketer) =>
    t.api().put(`/v1/members/${memberId}/tier`).set(bearer(key)).send(body);
  const staffTier = async (memberId: string): Promise<string> =>
    (await t.api().get(`/v1/members/${memberId}`).set(bearer(t.keys.cashier)).expect(200)).body.tier
      .code as string;
  const evaluate = () =>
    t.api().post('/v1/tiers/jobs/evaluate').set(bearer(t.keys.admin)).expect(200);
  const later = (days: number) => t.clock.set(new Date(t.clock.now().getTime() + days * DAY));
  const buy = (m: TestMember, unitPrice: number) =>
    buyOne(t, m.id, unitPrice, { sku: 'X' }).expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    Object.assign(
      tierIds,
      await createSpendTierLadder(t, { windowDays: 365, downgradeGraceDays: 10 }),
    );
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('shows a member enrolled by the import in the lowest tier, to staff as to them', async () => {
    const id = randomUUID();
    const card = `7426${String(Date.now()).slice(-11)}9`;
    await t.app.get(DataSource).query(
      `INSERT INTO members (id, external_id, card_number, referral_code, joined_at)
         VALUES ($1, 'imported-1', $2, 'IMPORT01', now())`,
      [id, card],
    );
    await t.app.get(DataSource).query(
      `INSERT INTO member_identities (kind, value, member_id)
         VALUES ('card_number', $2, $1), ('referral_code', 'IMPORT01', $1), ('external_id', 'imported-1', $1)`,
      [id, card],
    );
    const found = await t
      .api()
      .get('/v1/members')
      .query({ cardNumber: card })
      .set(bearer(t.keys.cashier))
      .expect(200);
    expect(found.body.items[0].tier).toMatchObject({ code: 'member', name: 'Member' });
    expect(await staffTier(id)).toBe('member');
    const token = await t.api().post(`/v1/members/${id}/tokens`).set(bearer(t.keys.integration));
    const me = await t.api().get('/v1/me').set(bearer(token.body.token)).expect(200);
    expect(me.body.tier.code).toBe('member');
  });

  it('assigns a tier by hand, records why for staff, and tells the member only the news', async () => {
    const m = await t.member();
    const assigned = await assign(m.id, {
      tierCode: 'gold',
      reason: 'Status match: partner airline gold (SUP-88)',
      holdDays: 30,
    }).expect(200);
    expect(assigned.body).toEqual({
      memberId: m.id,
      tier: { code: 'gold', name: 'Gold' },
      previousTier: 'member',
      heldUntil: new Date(t.clock.now().getTime() + 30 * DAY).toISOString(),
      reason: 'Status match: partner airline gold (SUP-88)',
    });
    expect(await staffTier(m.id)).toBe('gold');
    expect((await t.api().get('/v1/me').set(bearer(m.token))).body.tier.code).toBe('gold');

    const staff = await t
      .api()
      .get(`/v1/members/${m.id}/activity`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(staff.body.items[0]).toMatchObject({
      type: 'tier',
      points: 0,
      description: 'Welcome to Gold! Your new tier starts now.',
      reference: {
        tier: 'gold',
        change: 'manual',
        previousTier: 'member',
        reason: 'Status match: partner airline gold (SUP-88)',
        assignedBy: expect.any(String),
      },
    });
    const mine = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
    expect(mine.body.items[0]).toEqual({
      id: staff.body.items[0].id,
      type: 'tier',
      points: 0,
      occurredAt: expect.any(String),
      description: 'Welcome to Gold! Your new tier starts now.',
      reason: null,
      reference: { tier: 'gold', change: 'manual' },
    });
  });

  it('holds the assignment against the nightly downgrade until the hold ends, then grace applies', async () => {
    const m = await t.member();
    await assign(m.id, { tierCode: 'gold', reason: 'VIP', holdDays: 20 }).expect(200);
    later(19);
    await evaluate();
    expect(await staffTier(m.id)).toBe('gold');
    later(2); // the hold is over: tonight starts the 10-day grace period
    await evaluate();
    expect(await staffTier(m.id)).toBe('gold');
    later(9);
    await evaluate();
    expect(await staffTier(m.id)).toBe('gold');
    later(1);
    await evaluate();
    expect(await staffTier(m.id)).toBe('member');
  });

  it('without a hold, the usual nightly rules apply from the first night', async () => {
    const m = await t.member();
    await assign(m.id, { tierCode: 'silver', reason: 'Apology for a lost order' }).expect(200);
    await evaluate();
    later(10);
    await evaluate();
    expect(await staffTier(m.id)).toBe('member');
  });

  it('lets a checkout upgrade above an assigned tier', async () => {
    const m = await t.member();
    await assign(m.id, { tierCode: 'silver', reason: 'Welcome offer', holdDays: 60 }).expect(200);
    const bought = await buy(m, 60000);
    expect(bought.body.tier).toMatchObject({ code: 'gold' });
    expect(await staffTier(m.id)).toBe('gold');
    // The upgrade replaces the assignment: gold is earned, and earned tiers are not held.
    const [standing] = await t.app
      .get(DataSource)
      .query(`SELECT held_until FROM member_tiers WHERE member_id = $1`, [m.id]);
    expect(standing.held_until).toBeNull();
  });

  it('moves members off a tier so that it can be deleted', async () => {
    const holders = [await t.member(), await t.member()];
    for (const h of holders) {
      await assign(h.id, { tierCode: 'silver', reason: 'x' }).expect(200);
    }
    const refused = await t
      .api()
      .delete(`/v1/tiers/${tierIds.silver}`)
      .set(bearer(t.keys.marketer))
      .expect(409);
    expect(refused.body.error.code).toBe('TIER_IN_USE');
    const rows = await t.app
      .get(DataSource)
      .query<{ member_id: string }[]>(
        `SELECT member_id FROM member_tiers WHERE tier_code = 'silver'`,
      );
    for (const { member_id } of rows) {
      await assign(member_id, { tierCode: 'member', reason: 'Silver retired' }).expect(200);
    }
    await t.api().delete(`/v1/tiers/${tierIds.silver}`).set(bearer(t.keys.marketer)).expect(204);
    expect(await staffTier(holders[0]!.id)).toBe('member');
  });

  it('refuses unknown tiers and members, a missing reason, and other roles', async () => {
    const m = await t.member();
    const unknown = await assign(m.id, { tierCode: 'platinum', reason: 'x' }).expect(422);
    expect(unknown.body.error.code).toBe('TIER_NOT_FOUND');
    await assign(randomUUID(), { tierCode: 'gold', reason: 'x' }).expect(404);
    for (const body of [
      { tierCode: 'gold' },
      { tierCode: 'gold', reason: '  ' },
      { tierCode: 'gold', reason: 'x', holdDays: -1 },
      { tierCode: 'gold', reason: 'x', holdDays: 1.5 },
      { tierCode: 'GOLD!', reason: 'x' },
    ]) {
      expect((await assign(m.id, body).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    }
    for (const key of [t.keys.cashier, t.keys.integration]) {
      await assign(m.id, { tierCode: 'gold', reason: 'x' }, key).expect(403);
    }
    expect(await staffTier(m.id)).toBe('member');
  });
});
