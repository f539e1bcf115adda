import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { generateCardNumber, generateReferralCode } from '@vafa/members';
import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { createSpendTierLadder } from '../support/tier-ladder';
import { buyOne } from '../support/till';

/** Issue #14: the dashboard's tier distribution. */
describe('GET /v1/reports/tiers', () => {
  let t: TestApp;
  const report = (key = t.keys.marketer) =>
    t.api().get('/v1/reports/tiers').set(bearer(key)).expect(200);
  const tierIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('answers an empty program with zeros', async () => {
    expect((await report()).body).toEqual({ members: 0, noTier: 0, tiers: [] });
  });

  it('counts every member in no tier while the program has none', async () => {
    await t.member();
    await t.member();
    expect((await report()).body).toEqual({ members: 2, noTier: 2, tiers: [] });
  });

  it('lists every tier by rank, with members by the lowest-tier rule, earned and assigned tiers', async () => {
    // Created out of rank order: the report still lists them lowest first.
    Object.assign(
      tierIds,
      await createSpendTierLadder(t, { windowDays: 365 }, [
        ['gold', 2, 50_000],
        ['member', 0, 0],
        ['silver', 1, 10_000],
        ['platinum', 3, 1_000_000],
      ]),
    );
    const silver = await t.member();
    await buyOne(t, silver.id, 12_000).expect(201);
    const gold = await t.member();
    await t
      .api()
      .put(`/v1/members/${gold.id}/tier`)
      .set(bearer(t.keys.marketer))
      .send({ tierCode: 'gold', reason: 'Status match' })
      .expect(200);
    // Imported without a tier row: in the lowest tier, as every view of them says.
    await t.app.get(DataSource).query(
      `INSERT INTO members (id, external_id, card_number, referral_code, joined_at)
       VALUES ($1, 'imported-tiers', $2, $3, now())`,
      [randomUUID(), generateCardNumber(), generateReferralCode()],
    );
    expect(
      (await t.api().get(`/v1/members/${silver.id}`).set(bearer(t.keys.cashier))).body.tier,
    ).toMatchObject({ code: 'silver' });

    expect((await report()).body).toEqual({
      members: 5,
      noTier: 0,
      tiers: [
        { tierId: tierIds.member, code: 'member', name: 'Member', members: 3 },
        { tierId: tierIds.silver, code: 'silver', name: 'Silver', members: 1 },
        { tierId: tierIds.gold, code: 'gold', name: 'Gold', members: 1 },
        { tierId: tierIds.platinum, code: 'platinum', name: 'Platinum', members: 0 },
      ],
    });
    expect((await report(t.keys.admin)).body.members).toBe(5);
  });

  it('is for marketers and admins only', async () => {
    await t.api().get('/v1/reports/tiers').set(bearer(t.keys.cashier)).expect(403);
    await t.api().get('/v1/reports/tiers').set(bearer(t.keys.integration)).expect(403);
    const member = await t.member();
    await t.api().get('/v1/reports/tiers').set(bearer(member.token)).expect(403);
    await t.api().get('/v1/reports/tiers').expect(401);
  });
});
