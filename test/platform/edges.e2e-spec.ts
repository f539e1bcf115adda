import { HealthCheckService } from '@nestjs/terminus';
import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('the edges: errors, health, docs, metrics, request ids', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 VALIDATION_FAILED in the contract format', async () => {
    const response = await t
      .api()
      .post('/v1/members')
      .set(bearer(t.keys.integration))
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c",')
      .expect(400);
    expect(response.body).toEqual({
      error: { code: 'VALIDATION_FAILED', message: expect.any(String) },
    });
  });

  it('rejects unknown fields and says which', async () => {
    const response = await t
      .api()
      .post('/v1/members')
      .set(bearer(t.keys.integration))
      .send({ email: 'x@example.com', isVip: true })
      .expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toContain('isVip');
  });

  it('answers unknown routes with 404 in the contract format', async () => {
    const response = await t.api().get('/v1/nothing-here').set(bearer(t.keys.admin)).expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('serves /health with the database check', async () => {
    const response = await t.api().get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.database.status).toBe('up');
  });

  it("answers a healthy /health before Nest (guards, terminus), with terminus's answer", async () => {
    const check = jest.spyOn(HealthCheckService.prototype, 'check');
    try {
      const quick = await t.api().get('/health').expect(200);
      expect(check).not.toHaveBeenCalled();
      expect(quick.body).toEqual({
        status: 'ok',
        info: { database: { status: 'up', responseTime: expect.any(Number) } },
        error: {},
        details: { database: { status: 'up', responseTime: expect.any(Number) } },
      });
      expect(quick.headers).toMatchObject({
        'cache-control': 'no-cache, no-store, must-revalidate',
        'content-type': 'application/json; charset=utf-8',
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
      });
      // Anything but a plain GET goes through Nest as before.
      await t.api().get('/health?full=1').expect(200);
      expect(check).toHaveBeenCalledTimes(1);
    } finally {
      check.mockRestore();
    }
  });

  it('serves the OpenAPI document with every /v1 operation secured and with examples', async () => {
    const response = await t.api().get('/docs-json').expect(200);
    const paths = response.body.paths as Record<
      string,
      Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
    >;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/v1/members', '/v1/me', '/v1/api-keys']),
    );
    for (const [path, operations] of Object.entries(paths)) {
      if (!path.startsWith('/v1')) {
        continue;
      }
      for (const operation of Object.values(operations)) {
        expect(operation.security).toBeDefined();
      }
    }
    expect(JSON.stringify(response.body.components.schemas.CreateMemberDto)).toContain('example');
    await t.api().get('/docs').expect(200);
  });

  it('counts requests in a latency histogram at /metrics', async () => {
    await t.api().get('/health').expect(200);
    const response = await t.api().get('/metrics').expect(200);
    expect(response.text).toContain('http_request_duration_seconds_bucket');
    expect(response.text).toContain('route="/health"');
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.api().get('/health').set('x-request-id', 'req-123').expect(200);
    expect(given.headers['x-request-id']).toBe('req-123');
    const made = await t.api().get('/health').expect(200);
    expect(made.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });
});
