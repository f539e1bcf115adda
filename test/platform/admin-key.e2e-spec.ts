import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { loadConfig } from '@vafa/platform';
import { createApiApp } from '@vafa/app';
import { createTestDatabase } from '../support/test-database';

/** VAFA_ADMIN_KEY is how a lost admin key is recovered: any key the config accepts must work. */
describe('a configured VAFA_ADMIN_KEY without the vafa_sk_ prefix', () => {
  const adminKey = 'my-own-admin-key-of-30-chars!!';
  let app: INestApplication;
  let http: Server;

  beforeAll(async () => {
    const config = loadConfig({
      VAFA_ADMIN_KEY: adminKey,
      VAFA_SCHEDULER: 'off',
      VAFA_LOG_LEVEL: 'silent',
    });
    app = await createApiApp({
      config,
      databaseUrl: await createTestDatabase(),
      print: () => undefined,
    });
    http = app.getHttpServer() as Server;
  });
  afterAll(() => app.close());

  it('authenticates as admin, and its listing shows only six characters of it', async () => {
    const listed = await request(http)
      .get('/v1/api-keys')
      .set('Authorization', `Bearer ${adminKey}`)
      .expect(200);
    const keys = (listed.body as { items: { name: string; prefix: string; role: string }[] }).items;
    expect(keys).toContainEqual(
      expect.objectContaining({ name: 'bootstrap-admin', role: 'admin', prefix: 'my-own' }),
    );
  });

  it('still refuses a wrong key, and member tokens still reach /v1/me', async () => {
    await request(http)
      .get('/v1/api-keys')
      .set('Authorization', `Bearer ${'y'.repeat(30)}`)
      .expect(401);
    const member = await request(http)
      .post('/v1/members')
      .set('Authorization', `Bearer ${adminKey}`)
      .send({ email: 'own-key@example.com' })
      .expect(201);
    const token = await request(http)
      .post(`/v1/members/${(member.body as { id: string }).id}/tokens`)
      .set('Authorization', `Bearer ${adminKey}`)
      .expect(201);
    await request(http)
      .get('/v1/me')
      .set('Authorization', `Bearer ${(token.body as { token: string }).token}`)
      .expect(200);
  });
});
