import { ledgerOf } from '../support/ledger-helpers';
import { bearer, startTestApp, TestApp } from '../support/test-app';

/** Issue #12 item 12: the member's history in words for them; staff keep the internal detail. */
describe('activity: what staff see, and what the member sees', () => {
  let t: TestApp;
  let marketerKeyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const keys = await t.api().get('/v1/api-keys').set(bearer(t.keys.admin)).expect(200);
    marketerKeyId = (keys.body.items as { id: string; role: string }[]).find(
      (k) => k.role === 'marketer',
    )!.id;
  });
  afterAll(async () => {
    expect((await ledgerOf(t).audit()).balanced).toBe(true);
    await t.close();
  });

  it('keeps the staff key id and the staff note out of the member view of an adjustment', async () => {
    const m = await t.member();
    const note = 'Customer shouted at the till; VIP, handle with care';
    await t
      .api()
      .post(`/v1/members/${m.id}/adjustments`)
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', 'act-1')
      .send({ points: 100, reason: 'goodwill', ticketId: 'SUP-9', note })
      .expect(201);
    await t
      .api()
      .post(`/v1/members/${m.id}/adjustments`)
      .set(bearer(t.keys.marketer))
      .set('Idempotency-Key', 'act-2')
      .send({ points: -40, reason: 'correction', note: 'double-scanned receipt' })
      .expect(201);

    const staff = await t
      .api()
      .get(`/v1/members/${m.id}/activity`)
      .set(bearer(t.keys.marketer))
      .expect(200);
    expect(staff.body.items[1]).toMatchObject({
      type: 'adjust',
      points: 100,
      reason: 'goodwill',
      description: `A goodwill gesture from us, 100 points (ticket SUP-9): ${note}`,
      reference: { ticketId: 'SUP-9', note, grantedBy: marketerKeyId },
    });

    const mine = await t.api().get('/v1/me/activity').set(bearer(m.token)).expect(200);
    expect(mine.body.items).toEqual([
      {
        id: staff.body.items[0].id,
        type: 'adjust',
        points: -40,
        occurredAt: expect.any(String),
        description: 'Removed 40 points to correct your balance',
        reason: 'correction',
        reference: null,
      },
      {
        id: staff.body.items[1].id,
        type: 'adjust',
        points: 100,
        occurredAt: expect.any(String),
        description: 'A goodwill gesture from us, 100 points (ticket SUP-9)',
        reason: 'goodwill',
        reference: { ticketId: 'SUP-9' },
      },
    ]);
    const text = JSON.stringify(mine.body);
    for (const internal of [marketerKeyId, 'grantedBy', 'Customer shouted', 'double-scanned']) {
      expect(text).not.toContain(internal);
    }
  });
});
