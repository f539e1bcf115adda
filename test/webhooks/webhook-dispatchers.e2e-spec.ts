import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventOutbox, inTransaction } from '@vafa/platform';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { LOCAL_WEBHOOKS_ENV, verifyWebhook, WebhookReceiver } from '../support/webhook-receiver';

describe('two dispatchers on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    a = await startTestApp({ env: LOCAL_WEBHOOKS_ENV });
    b = await startTestApp({ env: LOCAL_WEBHOOKS_ENV, databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await receiver.close();
  });

  it('deliver each of many events exactly once', async () => {
    const created = await a
      .api()
      .post('/v1/webhook-endpoints')
      .set(bearer(a.keys.admin))
      .send({ url: `${receiver.url}/both`, eventTypes: ['points.earned'] })
      .expect(201);
    const secret = (created.body as { secret: string }).secret;
    const members = Array.from({ length: 20 }, () => randomUUID());

    // Written from both apps at once: single events and batches, as flows and jobs write them.
    const write = (t: TestApp, round: number): Promise<string[]> =>
      inTransaction(t.app.get(DataSource), (manager) =>
        round % 2 === 0
          ? t.app.get(EventOutbox).emitMany(
              manager,
              members.map((memberId) => ({
                type: 'points.earned' as const,
                memberId,
                data: { memberId, round },
              })),
            )
          : t.app
              .get(EventOutbox)
              .emit(manager, {
                type: 'points.earned',
                memberId: members[round % members.length],
                data: { round },
              })
              .then((id) => [id]),
      );
    const batches = await Promise.all(
      Array.from({ length: 30 }, (_, round) => write(round % 3 === 0 ? b : a, round)),
    );
    const ids = batches.flat();
    expect(ids.length).toBe(15 * 20 + 15);

    await receiver.until(() => receiver.of('points.earned', '/both').length >= ids.length, 60_000);
    await new Promise((r) => setTimeout(r, 500)); // room for a duplicate to show up
    const hooks = receiver.of('points.earned', '/both');
    expect(hooks).toHaveLength(ids.length);
    expect(new Set(hooks.map((h) => h.event.id))).toEqual(new Set(ids));
    for (const hook of hooks.slice(0, 20)) {
      expect(verifyWebhook(secret, hook)).toBeTruthy();
    }

    const [counts] = await a.app.get(DataSource).query<{ deliveries: string; attempts: string }[]>(
      `SELECT (SELECT count(*) FROM webhook_deliveries WHERE status = 'succeeded') AS deliveries,
                (SELECT sum(jsonb_array_length(attempts)) FROM webhook_deliveries) AS attempts`,
    );
    expect(counts).toEqual({ deliveries: String(ids.length), attempts: String(ids.length) });

    // Each member's events carry 1, 2, 3 … without gaps, whichever app wrote them.
    const seqs = new Map<string, number[]>();
    for (const hook of hooks) {
      const { memberId, memberSeq } = hook.event.data as { memberId: string; memberSeq: number };
      seqs.set(memberId, [...(seqs.get(memberId) ?? []), memberSeq]);
    }
    for (const list of seqs.values()) {
      expect([...list].sort((x, y) => x - y)).toEqual(list.map((_, i) => i + 1));
    }
  });
});
