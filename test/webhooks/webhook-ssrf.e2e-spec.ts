import { bearer, startTestApp, TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

interface Delivery {
  id: string;
  status: string;
  attempts: { statusCode: number | null; error: string | null }[];
}

describe('webhook destinations on private addresses', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // Plain http allowed, but no private address listed in VAFA_WEBHOOK_ALLOWED_HOSTS.
    t = await startTestApp({
      env: {
        VAFA_WEBHOOK_ALLOW_HTTP: 'true',
        VAFA_WEBHOOK_RETRY_SCHEDULE: '0,20',
        VAFA_WEBHOOK_POLL_MS: '20',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const port = (): string => new URL(receiver.url).port;

  it.each([
    ['loopback', () => `http://127.0.0.1:${port()}/hook`],
    ['a name that resolves to loopback', () => `http://localhost:${port()}/hook`],
    ['IPv6 loopback', () => `http://[::1]:${port()}/hook`],
    ['the unspecified address', () => `http://0.0.0.0:${port()}/hook`],
    ['a private network', () => 'http://10.0.0.1/hook'],
    ['the cloud metadata service (link-local)', () => 'http://169.254.169.254/latest/meta-data'],
  ])('refuses to connect to %s', async (_case, url) => {
    const admin = bearer(t.keys.admin);
    const created = await t
      .api()
      .post('/v1/webhook-endpoints')
      .set(admin)
      .send({ url: url(), eventTypes: ['points.expired'] })
      .expect(201);
    const id = (created.body as { id: string }).id;
    const { deliveryId } = (
      await t.api().post(`/v1/webhook-endpoints/${id}/test`).set(admin).expect(202)
    ).body as { deliveryId: string };

    const deadline = Date.now() + 10_000;
    let delivery: Delivery | undefined;
    while (delivery?.status !== 'failed') {
      if (Date.now() > deadline) {
        throw new Error(`not refused: ${JSON.stringify(delivery)}`);
      }
      await new Promise((r) => setTimeout(r, 30));
      const page = await t
        .api()
        .get(`/v1/webhook-endpoints/${id}/deliveries`)
        .set(admin)
        .expect(200);
      delivery = (page.body.items as Delivery[]).find((d) => d.id === deliveryId);
    }
    expect(delivery.attempts).toHaveLength(2);
    for (const attempt of delivery.attempts) {
      expect(attempt.statusCode).toBeNull();
      expect(attempt.error).toMatch(/is not allowed/);
    }
    expect(receiver.received).toEqual([]);
  });
});
