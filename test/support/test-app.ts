import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadConfig, ManualClock, StaffRole } from '@vafa/platform';
import { createApiApp } from '@vafa/app';
import { createTestDatabase } from './test-database';

export interface TestMember {
  id: string;
  cardNumber: string;
  referralCode: string;
  token: string;
  [field: string]: unknown;
}

export interface TestApp {
  app: INestApplication;
  http: Server;
  databaseUrl: string;
  clock: ManualClock;
  /** A key for each role (the cashier's is bound to store `store-1`). */
  keys: Record<StaffRole, string>;
  api: () => TestAgent;
  /** Enrolls a member (unique identities generated) and issues them a member token. */
  member: (fields?: Record<string, unknown>) => Promise<TestMember>;
  close: () => Promise<void>;
}

export const bearer = (key: string): { Authorization: string } => ({
  Authorization: `Bearer ${key}`,
});

let sequence = 0;

/** Webhook signing secrets are encrypted with this in tests, instead of a key file in ./.vafa. */
const TEST_WEBHOOK_SECRET_KEY = randomBytes(32).toString('base64');

/** One line to a running app on its own fresh database: `const t = await startTestApp();` */
export async function startTestApp(
  options: { clock?: ManualClock; databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const clock = options.clock ?? new ManualClock(new Date());
  const adminKey = `vafa_sk_test_${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    VAFA_ADMIN_KEY: adminKey,
    VAFA_SCHEDULER: 'off',
    VAFA_WEBHOOK_SECRET_KEY: TEST_WEBHOOK_SECRET_KEY,
    VAFA_LOG_LEVEL: process.env.VAFA_TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const app = await createApiApp({
    config,
    databaseUrl,
    clock,
    print: () => undefined,
  });
  const http = app.getHttpServer() as Server;
  const api = (): TestAgent => request(http);

  const createKey = async (role: StaffRole, storeId?: string): Promise<string> => {
    const response = await api()
      .post('/v1/api-keys')
      .set(bearer(adminKey))
      .send({ name: `test ${role}`, role, ...(storeId ? { storeId } : {}) })
      .expect(201);
    return (response.body as { key: string }).key;
  };
  const keys: Record<StaffRole, string> = {
    admin: adminKey,
    marketer: await createKey('marketer'),
    cashier: await createKey('cashier', 'store-1'),
    integration: await createKey('integration'),
  };

  const member = async (fields: Record<string, unknown> = {}): Promise<TestMember> => {
    const n = `${process.pid}-${++sequence}-${randomBytes(3).toString('hex')}`;
    const created = await api()
      .post('/v1/members')
      .set(bearer(keys.integration))
      .send({ email: `m${n}@example.com`, name: `Member ${n}`, ...fields })
      .expect(201);
    const body = created.body as TestMember;
    const token = await api()
      .post(`/v1/members/${body.id}/tokens`)
      .set(bearer(keys.integration))
      .expect(201);
    return { ...body, token: (token.body as { token: string }).token };
  };

  return { app, http, databaseUrl, clock, keys, api, member, close: () => app.close() };
}
