import { DataSource } from 'typeorm';
import { EventOutbox } from '@vafa/platform';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { LOCAL_WEBHOOKS_ENV, verifyWebhook, WebhookReceiver } from '../support/webhook-receiver';

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  attempts: {
    at: string;
    statusCode: number | null;
    durationMs: number;
    error: string | null;
    responseExcerpt: string | null;
  }[];
}

describe('webhook deliveries', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({ env: LOCAL_WEBHOOKS_ENV });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const admin = (): Record<string, string> => bearer(t.keys.admin);

  const addEndpoint = async (
    path: string,
    eventTypes?: string[],
  ): Promise<{ id: string; secret: string }> => {
    const response = await t
      .api()
      .post('/v1/webhook-endpoints')
      .set(admin())
      .send({ url: `${receiver.url}${path}`, ...(eventTypes ? { eventTypes } : {}) })
      .expect(201);
    return response.body as { id: string; secret: string };
  };

  const sendTest = async (endpointId: string): Promise<{ eventId: string; deliveryId: string }> =>
    (await t.api().post(`/v1/webhook-endpoints/${endpointId}/test`).set(admin()).expect(202))
      .body as { eventId: string; deliveryId: string };

  const deliveriesOf = async (endpointId: string, query = ''): Promise<Delivery[]> =>
    (
      (
        await t
          .api()
          .get(`/v1/webhook-endpoints/${endpointId}/deliveries${query}`)
          .set(admin())
          .expect(200)
      ).body as { items: Delivery[] }
    ).items;

  const settled = async (endpointId: string, deliveryId: string): Promise<Delivery> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = (await deliveriesOf(endpointId)).find((d) => d.id === deliveryId);
      if (found && found.status !== 'pending') {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`delivery ${deliveryId} did not settle`);
      }
      await new Promise((r) => setTimeout(r, 30));
    }
  };

  const emit = (type: 'points.earned' | 'tier.upgraded', memberId: string): Promise<string> =>
    t.app
      .get(DataSource)
      .transaction((manager) =>
        t.app.get(EventOutbox).emit(manager, { type, memberId, data: { memberId, points: 10 } }),
      );

  it('sends webhook.test signed the Standard Webhooks way, verified by standardwebhooks', async () => {
    const endpoint = await addEndpoint('/signed', ['points.expired']);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { eventId, deliveryId } = await sendTest(endpoint.id);
    await receiver.until(() => receiver.of('webhook.test', '/signed').length === 1);

    const [hook] = receiver.of('webhook.test', '/signed');
    expect(hook!.headers['webhook-id']).toBe(eventId);
    expect(hook!.headers['content-type']).toBe('application/json');
    expect(Number(hook!.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(hook!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifyWebhook(endpoint.secret, hook!)).toEqual({
      id: eventId,
      type: 'webhook.test',
      timestamp: expect.any(String),
      data: { endpointId: endpoint.id, message: expect.any(String) },
    });
    const other = await addEndpoint('/other', ['points.expired']);
    expect(() => verifyWebhook(other.secret, hook!)).toThrow();

    const delivery = await settled(endpoint.id, deliveryId);
    expect(delivery.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
    expect(delivery).toMatchObject({
      eventId,
      eventType: 'webhook.test',
      status: 'succeeded',
      attemptCount: 1,
      nextAttemptAt: null,
      attempts: [{ statusCode: 200, error: null, responseExcerpt: null }],
    });
    // The endpoint's GET never shows the secret again.
    const got = await t.api().get(`/v1/webhook-endpoints/${endpoint.id}`).set(admin()).expect(200);
    expect(JSON.stringify(got.body)).not.toContain(endpoint.secret.slice(6));
    expect(got.body).not.toHaveProperty('secret');
  });

  it('fans each event out to the enabled endpoints subscribed to its type', async () => {
    const all = await addEndpoint('/all');
    const tiers = await addEndpoint('/tiers', ['tier.upgraded']);
    const member = await t.member();
    const earned = await emit('points.earned', member.id);
    const upgraded = await emit('tier.upgraded', member.id);
    await receiver.until(
      () =>
        receiver.of('tier.upgraded', '/all').length +
          receiver.of('tier.upgraded', '/tiers').length ===
        2,
    );
    await receiver.until(() => receiver.of('points.earned', '/all').length === 1);
    const fannedOut = await deliveriesOf(all.id);
    for (const d of fannedOut) {
      expect(d.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    }
    const [toAll] = receiver.of('points.earned', '/all');
    expect(toAll!.event).toMatchObject({
      id: earned,
      data: { memberId: member.id, memberSeq: expect.any(Number), points: 10 },
    });
    expect(verifyWebhook(all.secret, toAll!)).toBeTruthy();
    const [toTiers] = receiver.of('tier.upgraded', '/tiers');
    expect(toTiers!.event.id).toBe(upgraded);
    expect(verifyWebhook(tiers.secret, toTiers!)).toBeTruthy();
    expect(receiver.of('points.earned', '/tiers')).toEqual([]);
    const seqs = [toAll!, toTiers!].map((h) => h.event.data.memberSeq as number);
    expect(seqs[1]).toBe(seqs[0]! + 1);
  });

  it('does not pass over an event whose transaction commits after a later one', async () => {
    await addEndpoint('/late', ['coupon.used']);
    const db = t.app.get(DataSource);
    const slow = db.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      const late = await t.app
        .get(EventOutbox)
        .emit(slow.manager, { type: 'coupon.used', data: { order: 'first' } });
      const quick = await db.transaction((m) =>
        t.app.get(EventOutbox).emit(m, { type: 'coupon.used', data: { order: 'second' } }),
      );
      await new Promise((r) => setTimeout(r, 300));
      // Held back while an older transaction is open, so the fan-out cannot skip it.
      expect(receiver.of('coupon.used', '/late')).toEqual([]);
      await slow.commitTransaction();
      await receiver.until(() => receiver.of('coupon.used', '/late').length === 2);
      expect(new Set(receiver.of('coupon.used', '/late').map((h) => h.event.id))).toEqual(
        new Set([late, quick]),
      );
    } finally {
      await slow.release();
    }
  });

  it('retries after 500s and succeeds, listing every attempt', async () => {
    receiver.answer = (hook, n) =>
      hook.path === '/flaky' && n < 2
        ? { status: 500, body: '{"error":"database down"}' }
        : { status: 200, body: 'ok' };
    const endpoint = await addEndpoint('/flaky', ['points.expired']);
    const { eventId, deliveryId } = await sendTest(endpoint.id);
    const delivery = await settled(endpoint.id, deliveryId);
    expect(delivery).toMatchObject({ eventId, status: 'succeeded', attemptCount: 3 });
    expect(delivery.attempts).toEqual([
      expect.objectContaining({
        statusCode: 500,
        error: 'HTTP 500',
        responseExcerpt: '{"error":"database down"}',
      }),
      expect.objectContaining({ statusCode: 500, error: 'HTTP 500' }),
      expect.objectContaining({ statusCode: 200, error: null, responseExcerpt: 'ok' }),
    ]);
    const hooks = receiver.of('webhook.test', '/flaky');
    expect(hooks.map((h) => h.headers['webhook-id'])).toEqual([eventId, eventId, eventId]);
    for (const hook of hooks) {
      expect(verifyWebhook(endpoint.secret, hook)).toBeTruthy();
    }
  });

  it('gives up when the schedule is used up; a redelivery sends the same webhook-id again', async () => {
    let down = true;
    receiver.answer = (hook) => (hook.path === '/down' && down ? { status: 502 } : { status: 200 });
    const endpoint = await addEndpoint('/down', ['points.expired']);
    const { eventId, deliveryId } = await sendTest(endpoint.id);
    const failed = await settled(endpoint.id, deliveryId);
    expect(failed).toMatchObject({ status: 'failed', attemptCount: 4, nextAttemptAt: null });
    expect(failed.attempts.map((a) => a.statusCode)).toEqual([502, 502, 502, 502]);
    expect((await deliveriesOf(endpoint.id, '?status=failed')).map((d) => d.id)).toEqual([
      deliveryId,
    ]);
    expect(await deliveriesOf(endpoint.id, '?status=succeeded')).toEqual([]);

    down = false;
    const again = await t
      .api()
      .post(`/v1/webhook-deliveries/${deliveryId}/redeliver`)
      .set(admin())
      .expect(202);
    const redelivery = again.body as { eventId: string; deliveryId: string };
    expect(redelivery.eventId).toBe(eventId);
    expect(redelivery.deliveryId).not.toBe(deliveryId);
    expect(await settled(endpoint.id, redelivery.deliveryId)).toMatchObject({
      status: 'succeeded',
      attemptCount: 1,
    });
    const hooks = receiver.of('webhook.test', '/down');
    expect(hooks).toHaveLength(5);
    expect(new Set(hooks.map((h) => h.headers['webhook-id']))).toEqual(new Set([eventId]));
    expect(verifyWebhook(endpoint.secret, hooks[4]!)).toBeTruthy();
  });

  it('follows no redirect (a 3xx fails) and keeps only the first KB of an answer', async () => {
    receiver.answer = (hook) =>
      hook.path === '/moved'
        ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } }
        : hook.path === '/chatty'
          ? { status: 200, body: 'é'.repeat(3000) }
          : { status: 200 };
    const moved = await addEndpoint('/moved', ['points.expired']);
    const chatty = await addEndpoint('/chatty', ['points.expired']);
    const redirected = await sendTest(moved.id);
    const talked = await sendTest(chatty.id);

    const first = await t.api().get(`/v1/webhook-endpoints/${moved.id}/deliveries`).set(admin());
    expect(first.status).toBe(200);
    const failedRedirect = await settled(moved.id, redirected.deliveryId);
    expect(failedRedirect.status).toBe('failed');
    expect(failedRedirect.attempts[0]).toMatchObject({
      statusCode: 302,
      error: 'HTTP 302: redirects are not followed',
    });
    expect(receiver.received.filter((h) => h.path === '/elsewhere')).toEqual([]);

    const long = await settled(chatty.id, talked.deliveryId);
    const excerpt = long.attempts[0]!.responseExcerpt!;
    expect(Buffer.byteLength(excerpt)).toBe(1024);
    expect(excerpt).toBe('é'.repeat(512));
  });

  it('waits as long as Retry-After asks', async () => {
    receiver.answer = (hook, n) =>
      hook.path === '/busy' && n === 0
        ? { status: 429, headers: { 'retry-after': '1' } }
        : { status: 200 };
    const endpoint = await addEndpoint('/busy', ['points.expired']);
    const { deliveryId } = await sendTest(endpoint.id);
    const delivery = await settled(endpoint.id, deliveryId);
    expect(delivery.attempts.map((a) => a.statusCode)).toEqual([429, 200]);
    const gap = Date.parse(delivery.attempts[1]!.at) - Date.parse(delivery.attempts[0]!.at);
    expect(gap).toBeGreaterThanOrEqual(950);
  });

  it('disables an endpoint that answers 410 Gone at once and emits webhook_endpoint.disabled', async () => {
    receiver.answer = (hook) => (hook.path === '/gone' ? { status: 410 } : { status: 200 });
    const watcher = await addEndpoint('/watcher', ['webhook_endpoint.disabled']);
    const gone = await addEndpoint('/gone', ['points.expired']);
    const { deliveryId } = await sendTest(gone.id);
    const delivery = await settled(gone.id, deliveryId);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1 });

    const after = await t.api().get(`/v1/webhook-endpoints/${gone.id}`).set(admin()).expect(200);
    expect(after.body).toMatchObject({ enabled: false, disabledReason: 'gone' });
    await receiver.until(() => receiver.of('webhook_endpoint.disabled', '/watcher').length === 1);
    const [notice] = receiver.of('webhook_endpoint.disabled', '/watcher');
    expect(verifyWebhook(watcher.secret, notice!)).toMatchObject({
      type: 'webhook_endpoint.disabled',
      data: { endpointId: gone.id, url: `${receiver.url}/gone`, reason: 'gone' },
    });
    expect(receiver.of('webhook.test', '/gone')).toHaveLength(1);

    const refused = await t.api().post(`/v1/webhook-endpoints/${gone.id}/test`).set(admin());
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('WEBHOOK_ENDPOINT_DISABLED');
    const audit = await t
      .api()
      .get(`/v1/audit-log?resourceType=webhook_endpoint&resourceId=${gone.id}`)
      .set(admin())
      .expect(200);
    // The test clock stands still, so find the entry rather than take the newest.
    const automatic = (audit.body.items as { actor: { kind: string } }[]).find(
      (entry) => entry.actor.kind === 'system',
    );
    expect(automatic).toMatchObject({
      actor: { kind: 'system' },
      action: 'update',
      after: { enabled: false, disabledReason: 'gone' },
    });

    receiver.answer = () => ({ status: 200 });
    await t
      .api()
      .patch(`/v1/webhook-endpoints/${gone.id}`)
      .set(admin())
      .send({ enabled: true })
      .expect(200)
      .expect((r) => expect(r.body).toMatchObject({ enabled: true, disabledReason: null }));
    const retried = await sendTest(gone.id);
    expect(await settled(gone.id, retried.deliveryId)).toMatchObject({ status: 'succeeded' });
  });

  it('counts deliveries by outcome and reports the queue on /metrics', async () => {
    const metrics = await t.api().get('/metrics').expect(200);
    const text = metrics.text;
    const count = (outcome: string): number =>
      Number(
        new RegExp(`vafa_webhook_deliveries_total\\{outcome="${outcome}"\\} (\\d+)`).exec(
          text,
        )?.[1],
      );
    expect(count('succeeded')).toBeGreaterThanOrEqual(5);
    expect(count('retrying')).toBeGreaterThanOrEqual(5);
    expect(count('failed')).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/vafa_webhook_queue_depth\{stage="fan_out"\} \d+/);
    expect(text).toMatch(/vafa_webhook_queue_depth\{stage="delivery"\} \d+/);
    expect(text).toMatch(/vafa_webhook_oldest_undelivered_event_age_seconds \d/);
  });
});
