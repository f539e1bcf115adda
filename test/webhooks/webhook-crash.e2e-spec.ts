import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVER_ENTRY, ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase } from '../support/test-database';
import { verifyWebhook, WebhookReceiver } from '../support/webhook-receiver';

const ADMIN_KEY = 'vafa_sk_webhook_crash_test_admin_key_0123456789';

/** The built server killed (SIGKILL) after committing changes but before delivering them. */
describe('the outbox across a crash', () => {
  let dataDir: string;
  let databaseUrl: string;
  let receiver: WebhookReceiver;
  let server: ServerProcess | undefined;
  const env = (pollMs: string): Record<string, string> => ({
    DATABASE_URL: databaseUrl,
    VAFA_DATA_DIR: dataDir,
    VAFA_ADMIN_KEY: ADMIN_KEY,
    VAFA_SCHEDULER: 'off',
    VAFA_WEBHOOK_ALLOW_HTTP: 'true',
    VAFA_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    VAFA_WEBHOOK_RETRY_SCHEDULE: '0,50,50',
    VAFA_WEBHOOK_POLL_MS: pollMs,
  });

  beforeAll(async () => {
    if (!existsSync(SERVER_ENTRY)) {
      throw new Error(`${SERVER_ENTRY} is missing: run "npm run build:api" first`);
    }
    dataDir = await mkdtemp(join(tmpdir(), 'vafa-webhook-crash-'));
    databaseUrl = await createTestDatabase();
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers what was committed before a kill -9, once, after the restart', async () => {
    // The first process looks for work at start only (then once a minute): nothing written
    // after that is sent before it dies.
    server = await startServerProcess(env('60000'));
    const auth = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };
    const post = async (path: string, body: unknown, status: number): Promise<unknown> => {
      const response = await fetch(`${server!.url}${path}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(status);
      return response.json();
    };
    const endpoint = (await post(
      '/v1/webhook-endpoints',
      { url: `${receiver.url}/crash`, eventTypes: ['member.enrolled'] },
      201,
    )) as { id: string; secret: string };
    const member = (await post('/v1/members', { email: 'crash@example.com' }, 201)) as {
      id: string;
    };
    const test = (await post(`/v1/webhook-endpoints/${endpoint.id}/test`, {}, 202)) as {
      eventId: string;
    };

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // Committed, but neither fanned out nor posted before the kill.
      const { rows } = await db.query<{ id: string; deliveries: string }>(
        `SELECT e.id, (SELECT count(*) FROM webhook_deliveries d WHERE d.event_id = e.id) AS deliveries
         FROM events e WHERE e.member_id = $1 AND e.type = 'member.enrolled'`,
        [member.id],
      );
      expect(rows).toEqual([{ id: expect.any(String), deliveries: '0' }]);
      server.child.kill('SIGKILL');
      await server.exited;
      expect(receiver.received).toEqual([]);

      server = await startServerProcess(env('20'));
      await receiver.until(() => receiver.received.length >= 2, 30_000);
      await new Promise((r) => setTimeout(r, 500)); // room for a duplicate to show up
      const enrolled = receiver.of('member.enrolled', '/crash');
      expect(enrolled).toHaveLength(1);
      expect(enrolled[0]!.event).toMatchObject({ id: rows[0]!.id, data: { memberId: member.id } });
      expect(verifyWebhook(endpoint.secret, enrolled[0]!)).toBeTruthy();
      const tested = receiver.of('webhook.test', '/crash');
      expect(tested.map((h) => h.event.id)).toEqual([test.eventId]);
      expect(verifyWebhook(endpoint.secret, tested[0]!)).toBeTruthy();
      expect(receiver.received).toHaveLength(2);
    } finally {
      await db.end();
    }
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = undefined;
  });
});
