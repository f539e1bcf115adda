import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { bearer, startTestApp, TestApp } from '../support/test-app';

/** Sends a request whose body arrives one byte every 200 ms, and reports how it ended. */
function trickle(port: number): Promise<{ answer: string; afterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.write(
      'POST /v1/members HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{',
    );
    const drip = setInterval(() => socket.write(' '), 200);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(drip);
      resolve({ answer, afterMs: Date.now() - started });
    });
  });
}

describe('HTTP hardening: security headers, no caching of personal data, request deadline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { VAFA_REQUEST_TIMEOUT_SECONDS: '2' } });
  });
  afterAll(() => t.close());

  it('sends security headers, and a CSP that lets an API answer load nothing', async () => {
    const response = await t.api().get('/v1/program').set(bearer(t.keys.admin)).expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('gives the OpenAPI UI a CSP that allows its own scripts only', async () => {
    const response = await t.api().get('/docs/').expect(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("default-src 'none'");
  });

  it('forbids caching of every /v1 answer, member data and errors alike', async () => {
    const member = await t.member();
    const staffView = await t.api().get(`/v1/members/${member.id}`).set(bearer(t.keys.admin));
    const ownView = await t.api().get('/v1/me').set(bearer(member.token));
    const refused = await t.api().get('/v1/me');
    for (const response of [staffView, ownView, refused]) {
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers 408 and closes a connection whose body trickles in past the deadline', async () => {
    const server = t.http.listening ? t.http : t.http.listen(0, '127.0.0.1');
    await new Promise((resolve) =>
      server.listening ? resolve(null) : server.once('listening', resolve),
    );
    const { port } = server.address() as AddressInfo;
    const { answer, afterMs } = await trickle(port);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(1900);
    expect(afterMs).toBeLessThan(6000);
  });
});
