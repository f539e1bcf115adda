import { bearer, startTestApp, TestApp } from '../support/test-app';
import { LOCAL_WEBHOOKS_ENV, verifyWebhook, WebhookReceiver } from '../support/webhook-receiver';

interface Delivery {
  id: string;
  status: string;
  attemptCount: number;
}

describe('webhook secrets and endpoint health over time (the test clock)', () => {
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
    eventTypes = ['points.expired'],
  ): Promise<{ id: string; secret: string }> =>
    (
      await t
        .api()
        .post('/v1/webhook-endpoints')
        .set(admin())
        .send({ url: `${receiver.url}${path}`, eventTypes })
        .expect(201)
    ).body as { id: string; secret: string };
  const sendTest = async (id: string): Promise<{ eventId: string; deliveryId: string }> =>
    (await t.api().post(`/v1/webhook-endpoints/${id}/test`).set(admin()).expect(202)).body as {
      eventId: string;
      deliveryId: string;
    };
  const endpoint = async (id: string): Promise<Record<string, unknown>> =>
    (await t.api().get(`/v1/webhook-endpoints/${id}`).set(admin()).expect(200)).body as Record<
      string,
      unknown
    >;
  const settled = async (endpointId: string, deliveryId: string): Promise<Delivery> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const page = await t
        .api()
        .get(`/v1/webhook-endpoints/${endpointId}/deliveries`)
        .set(admin())
        .expect(200);
      const found = (page.body.items as Delivery[]).find((d) => d.id === deliveryId);
      if (found && found.status !== 'pending') {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`delivery ${deliveryId} did not settle`);
      }
      await new Promise((r) => setTimeout(r, 30));
    }
  };

  it('signs with the old and the new secret for 24 hours after a rotation, then the new only', async () => {
    const { id, secret: oldSecret } = await addEndpoint('/rotating');
    const rotated = await t
      .api()
      .post(`/v1/webhook-endpoints/${id}/rotate-secret`)
      .set(admin())
      .expect(200);
    const { secret: newSecret, previousSecretExpiresAt } = rotated.body as {
      secret: string;
      previousSecretExpiresAt: string;
    };
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    expect(Date.parse(previousSecretExpiresAt)).toBe(t.clock.now().getTime() + 86_400_000);
    expect(await endpoint(id)).toMatchObject({ previousSecretExpiresAt });

    const during = await sendTest(id);
    await receiver.until(() => receiver.of('webhook.test', '/rotating').length === 1);
    const [overlap] = receiver.of('webhook.test', '/rotating');
    expect(overlap!.headers['webhook-id']).toBe(during.eventId);
    expect(String(overlap!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyWebhook(newSecret, overlap!)).toBeTruthy();
    expect(verifyWebhook(oldSecret, overlap!)).toBeTruthy();

    t.clock.set(new Date(Date.parse(previousSecretExpiresAt) + 1000));
    await sendTest(id);
    await receiver.until(() => receiver.of('webhook.test', '/rotating').length === 2);
    const after = receiver.of('webhook.test', '/rotating')[1]!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verifyWebhook(newSecret, after)).toBeTruthy();
    expect(() => verifyWebhook(oldSecret, after)).toThrow();
  });

  it('forgets past failures after a success', async () => {
    let down = true;
    receiver.answer = (hook) =>
      hook.path === '/shaky' && down ? { status: 500 } : { status: 200 };
    const { id } = await addEndpoint('/shaky');
    const failed = await sendTest(id);
    expect(await settled(id, failed.deliveryId)).toMatchObject({ status: 'failed' });
    expect(await endpoint(id)).toMatchObject({ failingSince: t.clock.now().toISOString() });
    down = false;
    const ok = await sendTest(id);
    expect(await settled(id, ok.deliveryId)).toMatchObject({ status: 'succeeded' });
    expect(await endpoint(id)).toMatchObject({ failingSince: null, enabled: true });
  });

  it('disables an endpoint after 5 days of failures and emits webhook_endpoint.disabled', async () => {
    receiver.answer = (hook) => (hook.path === '/broken' ? { status: 500 } : { status: 200 });
    const watcher = await addEndpoint('/watcher', ['webhook_endpoint.disabled']);
    const { id } = await addEndpoint('/broken');
    const start = t.clock.now();

    const first = await sendTest(id);
    expect(await settled(id, first.deliveryId)).toMatchObject({
      status: 'failed',
      attemptCount: 4,
    });
    expect(await endpoint(id)).toMatchObject({ enabled: true, failingSince: start.toISOString() });

    t.clock.advanceDays(4);
    const second = await sendTest(id);
    expect(await settled(id, second.deliveryId)).toMatchObject({ status: 'failed' });
    expect(await endpoint(id)).toMatchObject({ enabled: true, failingSince: start.toISOString() });

    t.clock.advanceDays(1);
    await sendTest(id);
    await receiver.until(() => receiver.of('webhook_endpoint.disabled', '/watcher').length === 1);
    expect(await endpoint(id)).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const [notice] = receiver.of('webhook_endpoint.disabled', '/watcher');
    expect(verifyWebhook(watcher.secret, notice!)).toMatchObject({
      data: {
        endpointId: id,
        url: `${receiver.url}/broken`,
        reason: 'failing',
        failingSince: start.toISOString(),
      },
    });
    // The third delivery's retries wait while the endpoint is disabled.
    const posts = receiver.of('webhook.test', '/broken').length;
    expect(posts).toBe(9);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.of('webhook.test', '/broken')).toHaveLength(posts);
  });
});
