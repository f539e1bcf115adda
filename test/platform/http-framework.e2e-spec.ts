import { bearer, startTestApp, TestApp } from '../support/test-app';

/**
 * What clients relied on while the API ran on Express and must keep on Fastify: how bodies,
 * paths and methods are read, and that every refusal speaks the error format.
 */
describe('HTTP behaviour kept across the HTTP framework', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reads an empty body sent as application/json as {}', async () => {
    const member = await t.member();
    await t
      .api()
      .post(`/v1/members/${member.id}/tokens`)
      .set(bearer(t.keys.integration))
      .set('Content-Type', 'application/json')
      .send('')
      .expect(201);
  });

  it('refuses a JSON body that is not an object or an array with 400 VALIDATION_FAILED', async () => {
    for (const text of ['null', '"x"', '1', 'true']) {
      const response = await t
        .api()
        .post('/v1/members')
        .set(bearer(t.keys.integration))
        .set('Content-Type', 'application/json')
        .send(text)
        .expect(400);
      expect(response.body).toEqual({
        error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' },
      });
    }
  });

  it('refuses a body over 100 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t
      .api()
      .post('/v1/members')
      .set(bearer(t.keys.integration))
      .send({ email: 'big@example.com', name: 'x'.repeat(101 * 1024) })
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a content type it does not read with a 4xx in the error format', async () => {
    const response = await t
      .api()
      .post('/v1/members')
      .set(bearer(t.keys.integration))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from([0, 1, 2]));
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('matches a path with a trailing slash, and answers HEAD for every GET route', async () => {
    await t.api().get('/v1/program/').set(bearer(t.keys.admin)).expect(200);
    const head = await t.api().head('/v1/program').set(bearer(t.keys.admin)).expect(200);
    expect(head.text ?? '').toBe('');
    expect(head.headers['cache-control']).toBe('no-store');
  });

  it('refuses a path segment that does not decode with 400 in the error format and the headers', async () => {
    const response = await t.api().get('/v1/members/%FF').set(bearer(t.keys.admin)).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('labels the latency histogram with the route pattern, and unknown paths as unmatched', async () => {
    const member = await t.member();
    await t.api().get(`/v1/members/${member.id}`).set(bearer(t.keys.admin)).expect(200);
    await t.api().get('/no-such-path').expect(404);
    const metrics = (await t.api().get('/metrics').expect(200)).text;
    expect(metrics).toContain('route="/v1/members/:id"');
    expect(metrics).toContain('route="unmatched"');
    expect(metrics).not.toContain(member.id);
  });
});
