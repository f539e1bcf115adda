import { DataSource } from 'typeorm';
import { StaffSessionsRepository } from '@vafa/platform';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import {
  sessionCookieOf,
  sessionHeaders,
  signedInStaff,
  TestSession,
} from '../support/staff-session';

const MINUTE = 60_000;

describe('console sessions: sign in, cookie, CSRF, roles, sign out', () => {
  // Every sign-in here counts against the 20 a minute allowed per address (all come from
  // 127.0.0.1): the expiry and rate-limit tests below have apps of their own.
  let t: TestApp;
  const program = async (s: TestSession): Promise<Record<string, unknown>> =>
    (await t.api().get('/v1/program').set('Cookie', s.cookie).expect(200)).body as Record<
      string,
      unknown
    >;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with an HttpOnly, SameSite=Strict cookie and answers the user with a CSRF token', async () => {
    await t
      .api()
      .post('/v1/staff-users')
      .set(bearer(t.keys.admin))
      .send({
        email: 'nika@example.com',
        name: 'Nika',
        role: 'marketer',
        password: 'nika password 1',
      })
      .expect(201);
    const signedIn = await t
      .api()
      .post('/v1/auth/session')
      .send({ email: 'Nika@Example.com', password: 'nika password 1' })
      .expect(201);
    const setCookie = (signedIn.headers['set-cookie'] as unknown as string[])[0] ?? '';
    expect(setCookie).toMatch(/^vafa_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain(`Max-Age=${12 * 3600}`);
    expect(setCookie).not.toContain('Secure'); // plain http here
    expect(signedIn.body).toEqual({
      user: expect.objectContaining({ email: 'nika@example.com', name: 'Nika', role: 'marketer' }),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(t.clock.now().getTime() + 12 * 3600_000).toISOString(),
      idleTimeoutMinutes: 30,
    });
    expect(signedIn.body.user.lastSignInAt).toBe(t.clock.now().toISOString());
    expect(JSON.stringify(signedIn.body)).not.toMatch(/password|argon2/i);

    const cookie = sessionCookieOf(signedIn) ?? '';
    const current = await t.api().get('/v1/auth/session').set('Cookie', cookie).expect(200);
    expect(current.body).toEqual(signedIn.body);
  });

  it('answers a wrong password and an unknown email identically (401 INVALID_CREDENTIALS)', async () => {
    const user = await signedInStaff(t, 'marketer');
    const wrongPassword = await t
      .api()
      .post('/v1/auth/session')
      .send({ email: user.email, password: 'not the password' })
      .expect(401);
    const unknownEmail = await t
      .api()
      .post('/v1/auth/session')
      .send({ email: 'nobody@example.com', password: 'not the password' })
      .expect(401);
    expect(wrongPassword.body).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'The email or the password is not right.' },
    });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
  });

  it('lets a marketer session write with the CSRF header, and refuses it without or from another origin', async () => {
    const marketer = await signedInStaff(t, 'marketer');
    const body = await program(marketer);
    const put = (): ReturnType<TestApp['api']> => t.api();
    const missing = await put()
      .put('/v1/program')
      .set('Cookie', marketer.cookie)
      .send(body)
      .expect(403);
    expect(missing.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await put()
      .put('/v1/program')
      .set({ Cookie: marketer.cookie, 'X-CSRF-Token': 'x'.repeat(43) })
      .send(body)
      .expect(403);
    expect(wrong.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const otherSession = await signedInStaff(t, 'marketer');
    await put()
      .put('/v1/program')
      .set({ Cookie: marketer.cookie, 'X-CSRF-Token': otherSession.csrfToken })
      .send(body)
      .expect(403);
    const crossSite = await put()
      .put('/v1/program')
      .set({ ...sessionHeaders(marketer), Origin: 'https://evil.example' })
      .send(body)
      .expect(403);
    expect(crossSite.body.error.code).toBe('CSRF_ORIGIN_MISMATCH');

    await put().put('/v1/program').set(sessionHeaders(marketer)).send(body).expect(200);
    // The server's own origin, as the browser names it, is welcome.
    await put()
      .put('/v1/program')
      .set({
        ...sessionHeaders(marketer),
        Host: 'loyalty.example:8443',
        Origin: 'http://loyalty.example:8443',
      })
      .send(body)
      .expect(200);
    // Nor may another site sign a browser in.
    const signIn = await t
      .api()
      .post('/v1/auth/session')
      .set('Origin', 'https://evil.example')
      .send({ email: marketer.email, password: marketer.password })
      .expect(403);
    expect(signIn.body.error.code).toBe('CSRF_ORIGIN_MISMATCH');
    // A bearer key needs no CSRF token, and wins over a cookie sent with it.
    await put().put('/v1/program').set(bearer(t.keys.marketer)).send(body).expect(200);
    const cashier = await signedInStaff(t, 'cashier');
    await put()
      .put('/v1/program')
      .set({ ...bearer(t.keys.marketer), Cookie: cashier.cookie })
      .send(body)
      .expect(200);
  });

  it('holds a cashier session to the cashier role and its store', async () => {
    const cashier = await signedInStaff(t, 'cashier', { storeId: 'store-1' });
    const denied = await t.api().get('/v1/program').set('Cookie', cashier.cookie).expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    await t.api().put('/v1/program').set(sessionHeaders(cashier)).send({}).expect(403);
    const member = await t.member();
    const order = (orderId: string, storeId: string) => ({
      member: { id: member.id },
      orderId,
      channel: 'store',
      storeId,
      lines: [{ sku: 'COF-1', category: 'coffee', quantity: 1, unitPrice: 1000 }],
    });
    const own = await t
      .api()
      .post('/v1/pos/checkouts')
      .set({ ...sessionHeaders(cashier), 'Idempotency-Key': 'session-till-1' })
      .send(order('session-order-1', 'store-1'))
      .expect(201);
    expect(own.body.orderId).toBe('session-order-1');
    const checkout = await t
      .api()
      .post('/v1/pos/checkouts')
      .set({ ...sessionHeaders(cashier), 'Idempotency-Key': 'session-till-2' })
      .send(order('session-order-2', 'store-2'));
    expect(checkout.status).toBe(403);
    expect(checkout.body.error.code).toBe('STORE_MISMATCH');
    // A session is staff: it does not reach a member's own API.
    await t.api().get('/v1/me').set('Cookie', cashier.cookie).expect(403);
  });

  it('signs out: the cookie is cleared and dead at once, wherever it was copied', async () => {
    const marketer = await signedInStaff(t, 'marketer');
    await t.api().delete('/v1/auth/session').set('Cookie', marketer.cookie).expect(403);
    const out = await t.api().delete('/v1/auth/session').set(sessionHeaders(marketer)).expect(204);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(
      /^vafa_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/,
    );
    const dead = await t.api().get('/v1/auth/session').set('Cookie', marketer.cookie).expect(401);
    expect(dead.body.error.code).toBe('UNAUTHORIZED');
    await t.api().get('/v1/program').set('Cookie', marketer.cookie).expect(401);
    await t.api().get('/v1/auth/session').expect(401);
    // An API key has no session to show or end.
    const keyed = await t.api().get('/v1/auth/session').set(bearer(t.keys.marketer)).expect(404);
    expect(keyed.body.error.code).toBe('SESSION_NOT_FOUND');
  });

  it('ends the sessions of a user who is disabled, and lets no disabled user sign in', async () => {
    const user = await signedInStaff(t, 'marketer');
    await program(user);
    await t
      .api()
      .patch(`/v1/staff-users/${user.userId}`)
      .set(bearer(t.keys.admin))
      .send({ disabled: true })
      .expect(200);
    await t.api().get('/v1/program').set('Cookie', user.cookie).expect(401);
    const again = await t
      .api()
      .post('/v1/auth/session')
      .send({ email: user.email, password: user.password })
      .expect(401);
    expect(again.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('applies a new role from the very next request', async () => {
    const user = await signedInStaff(t, 'marketer');
    await program(user);
    await t
      .api()
      .patch(`/v1/staff-users/${user.userId}`)
      .set(bearer(t.keys.admin))
      .send({ role: 'integration' })
      .expect(200);
    await t.api().get('/v1/program').set('Cookie', user.cookie).expect(403);
  });

  it('answers 503, not 401, when the database cannot be reached to check a session', async () => {
    const user = await signedInStaff(t, 'marketer');
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const query = jest.spyOn(t.app.get(DataSource), 'query').mockRejectedValueOnce(unreachable);
    try {
      const outage = await t.api().get('/v1/program').set('Cookie', user.cookie).expect(503);
      expect(outage.body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(outage.headers['set-cookie']).toBeUndefined();
    } finally {
      query.mockRestore();
    }
    await program(user);
  });

  it('leaves the ledger balanced', async () => {
    const audit = await t.api().get('/v1/ledger/audit').set(bearer(t.keys.admin)).expect(200);
    expect(audit.body.balanced).toBe(true);
  });
});

describe('console sessions: idle timeout, lifetime and the sweep', () => {
  let t: TestApp;
  const advance = (ms: number): void => t.clock.set(new Date(t.clock.now().getTime() + ms));
  const program = async (s: TestSession): Promise<Record<string, unknown>> =>
    (await t.api().get('/v1/program').set('Cookie', s.cookie).expect(200)).body as Record<
      string,
      unknown
    >;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('ends a session after the idle timeout, counted from its last use', async () => {
    const idle = await signedInStaff(t, 'marketer');
    advance(29 * MINUTE);
    await program(idle);
    advance(29 * MINUTE + 59_000); // 58:59 since sign-in, 29:59 since last use
    await program(idle);
    advance(30 * MINUTE);
    const ended = await t.api().get('/v1/program').set('Cookie', idle.cookie).expect(401);
    expect(ended.headers['set-cookie']?.[0]).toMatch(/^vafa_session=; Max-Age=0/);
  });

  it('writes the last use at most once a minute', async () => {
    const user = await signedInStaff(t, 'marketer');
    const lastSeen = async (): Promise<string> =>
      (
        await t.app
          .get(DataSource)
          .query<{ at: string }[]>(
            "SELECT to_char(last_seen_at, 'HH24:MI:SS') AS at FROM staff_sessions WHERE user_id = $1",
            [user.userId],
          )
      )[0]?.at ?? '';
    const signedInAt = await lastSeen();
    advance(30_000);
    await program(user);
    expect(await lastSeen()).toBe(signedInAt);
    advance(31_000);
    await program(user);
    expect(await lastSeen()).not.toBe(signedInAt);
  });

  it('keeps a session in use alive until 12 hours after sign-in, and no longer', async () => {
    const active = await signedInStaff(t, 'marketer');
    for (let minutes = 0; minutes + 20 < 12 * 60; minutes += 20) {
      advance(20 * MINUTE);
      await program(active);
    }
    advance(20 * MINUTE);
    await t.api().get('/v1/program').set('Cookie', active.cookie).expect(401);
  });

  it('sweeps away sessions that ended without being presented again, and keeps live ones', async () => {
    const sessions = t.app.get(StaffSessionsRepository);
    const abandoned = await signedInStaff(t, 'marketer');
    advance(20 * MINUTE);
    const live = await signedInStaff(t, 'marketer');
    advance(11 * MINUTE);
    // The abandoned one, and any an earlier test left idle.
    expect(await sessions.sweepEnded()).toBeGreaterThanOrEqual(1);
    await program(live);
    const left = await t.app
      .get(DataSource)
      .query<{ user_id: string }[]>('SELECT user_id FROM staff_sessions WHERE user_id = ANY($1)', [
        [abandoned.userId, live.userId],
      ]);
    expect(left).toEqual([{ user_id: live.userId }]);
  });
});

describe('console sessions behind a TLS-terminating proxy (VAFA_TRUST_PROXY=1)', () => {
  let behindProxy: TestApp;
  beforeAll(async () => {
    behindProxy = await startTestApp({ env: { VAFA_TRUST_PROXY: '1' } });
  });
  afterAll(() => behindProxy.close());

  it('sets the cookie Secure when the request came over https through a trusted proxy', async () => {
    await behindProxy
      .api()
      .post('/v1/staff-users')
      .set(bearer(behindProxy.keys.admin))
      .send({
        email: 'tls@example.com',
        name: 'TLS',
        role: 'marketer',
        password: 'tls password 12',
      })
      .expect(201);
    const signedIn = await behindProxy
      .api()
      .post('/v1/auth/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'tls@example.com', password: 'tls password 12' })
      .expect(201);
    expect((signedIn.headers['set-cookie'] as unknown as string[])[0]).toContain('Secure');
  });
});

describe('sign-in rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('allows 5 attempts a minute per email, then 429 with Retry-After, even for the right password', async () => {
    const user = await signedInStaff(t, 'marketer'); // 1 attempt
    const attempt = (password: string) =>
      t.api().post('/v1/auth/session').send({ email: user.email.toUpperCase(), password });
    for (let i = 0; i < 4; i++) {
      await attempt('wrong password').expect(401);
    }
    const limited = await attempt(user.password).expect(429);
    expect(limited.body.error.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another email from the same address is not held back by it.
    await t
      .api()
      .post('/v1/auth/session')
      .send({ email: 'someone-else@example.com', password: 'wrong password' })
      .expect(401);
  });

  it('allows 20 attempts a minute per client address, whatever the emails', async () => {
    // 6 attempts from this address counted so far (the one refused by the email limit is not).
    const bodies: unknown[] = [];
    for (let i = 0; i < 14; i++) {
      const response = await t
        .api()
        .post('/v1/auth/session')
        .send({ email: `guess-${i}@example.com`, password: 'wrong password' })
        .expect(401);
      bodies.push(response.body);
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    const limited = await t
      .api()
      .post('/v1/auth/session')
      .send({ email: 'guess-last@example.com', password: 'wrong password' })
      .expect(429);
    expect(limited.body.error.code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
