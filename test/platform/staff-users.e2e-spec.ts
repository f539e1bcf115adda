import { hash } from '@node-rs/argon2';
import { PASSWORD_HASHING } from '@vafa/platform';
import { DataSource } from 'typeorm';
import { bearer, startTestApp, TestApp } from '../support/test-app';
import { sessionHeaders, signedInStaff } from '../support/staff-session';

interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: string;
  storeId: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

describe('staff users: the people who sign in to the console', () => {
  let t: TestApp;
  const admin = (): Record<string, string> => bearer(t.keys.admin);
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a user without ever answering the password or its hash, and stores argon2id', async () => {
    const created = await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({
        email: '  Sara.Ahmadi@Example.COM ',
        name: 'Sara Ahmadi',
        role: 'marketer',
        password: 'correct-horse-battery',
      })
      .expect(201);
    const user = created.body as StaffUser;
    expect(user).toEqual({
      id: expect.any(String),
      email: 'sara.ahmadi@example.com',
      name: 'Sara Ahmadi',
      role: 'marketer',
      storeId: null,
      disabled: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      lastSignInAt: null,
    });
    const got = await t.api().get(`/v1/staff-users/${user.id}`).set(admin()).expect(200);
    expect(got.body).toEqual(user);
    const list = await t.api().get('/v1/staff-users?limit=200').set(admin()).expect(200);
    expect(list.body.items).toContainEqual(user);
    for (const body of [created.body, got.body, list.body]) {
      expect(JSON.stringify(body)).not.toMatch(/password|argon2|correct-horse/i);
    }
    const rows = await t.app
      .get(DataSource)
      .query<{ password_hash: string }[]>('SELECT password_hash FROM staff_users WHERE id = $1', [
        user.id,
      ]);
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a short password, a cashier without a store and an email taken in another case', async () => {
    const base = { email: 'kian@example.com', name: 'Kian', role: 'marketer' };
    const short = await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({ ...base, password: 'elevenchars' })
      .expect(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(short.body.error.details)).toContain('password');

    const cashier = await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({ ...base, role: 'cashier', password: 'twelve chars' })
      .expect(400);
    expect(cashier.body.error.details).toEqual([
      { field: 'storeId', problems: ['storeId is required for the cashier role'] },
    ]);

    await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({ ...base, password: 'twelve chars' })
      .expect(201);
    const taken = await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({ ...base, email: 'KIAN@example.com', password: 'twelve chars' })
      .expect(409);
    expect(taken.body.error.code).toBe('STAFF_USER_EXISTS');

    await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({ ...base, email: 'not an email', password: 'twelve chars' })
      .expect(400);
    await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({ ...base, email: 'x@example.com', role: 'owner', password: 'twelve chars' })
      .expect(400);
  });

  it('changes name, role, store and password; a cashier keeps a store', async () => {
    const created = await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({
        email: 'till@example.com',
        name: 'Till',
        role: 'marketer',
        password: 'first password',
      })
      .expect(201);
    const id = (created.body as StaffUser).id;
    const noStore = await t
      .api()
      .patch(`/v1/staff-users/${id}`)
      .set(admin())
      .send({ role: 'cashier' })
      .expect(400);
    expect(noStore.body.error.code).toBe('VALIDATION_FAILED');
    const changed = await t
      .api()
      .patch(`/v1/staff-users/${id}`)
      .set(admin())
      .send({ role: 'cashier', storeId: 'store-7', name: 'Till 7' })
      .expect(200);
    expect(changed.body).toMatchObject({ role: 'cashier', storeId: 'store-7', name: 'Till 7' });
    await t.api().patch(`/v1/staff-users/${id}`).set(admin()).send({ storeId: null }).expect(400);
    await t
      .api()
      .patch(`/v1/staff-users/${id}`)
      .set(admin())
      .send({ password: 'short' })
      .expect(400);
    await t
      .api()
      .patch(`/v1/staff-users/${id}`)
      .set(admin())
      .send({ password: 'second password' })
      .expect(200);
    await t
      .api()
      .post('/v1/auth/session')
      .send({ email: 'till@example.com', password: 'first password' })
      .expect(401);
    await t
      .api()
      .post('/v1/auth/session')
      .send({ email: 'till@example.com', password: 'second password' })
      .expect(201);
  });

  it('answers 404 for an unknown user and is for admins only', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await t.api().get(`/v1/staff-users/${unknown}`).set(admin()).expect(404);
    expect(missing.body.error.code).toBe('STAFF_USER_NOT_FOUND');
    await t.api().patch(`/v1/staff-users/${unknown}`).set(admin()).send({ name: 'x' }).expect(404);
    await t.api().delete(`/v1/staff-users/${unknown}`).set(admin()).expect(404);
    await t.api().get('/v1/staff-users').set(bearer(t.keys.marketer)).expect(403);
    const marketer = await signedInStaff(t, 'marketer');
    await t
      .api()
      .post('/v1/staff-users')
      .set(sessionHeaders(marketer))
      .send({ email: 'y@example.com', name: 'Y', role: 'admin', password: 'twelve chars' })
      .expect(403);
  });

  it('keeps one enabled admin user: the last cannot disable, demote or delete itself (409)', async () => {
    const first = await signedInStaff(t, 'admin');
    const asFirst = (): Record<string, string> => sessionHeaders(first);
    for (const change of [{ disabled: true }, { role: 'marketer' }]) {
      const refused = await t
        .api()
        .patch(`/v1/staff-users/${first.userId}`)
        .set(asFirst())
        .send(change)
        .expect(409);
      expect(refused.body.error.code).toBe('LAST_ADMIN');
    }
    const deleting = await t
      .api()
      .delete(`/v1/staff-users/${first.userId}`)
      .set(asFirst())
      .expect(409);
    expect(deleting.body.error.code).toBe('LAST_ADMIN');
    // An admin key is held to it too.
    await t.api().delete(`/v1/staff-users/${first.userId}`).set(admin()).expect(409);

    const second = await signedInStaff(t, 'admin');
    await t
      .api()
      .patch(`/v1/staff-users/${first.userId}`)
      .set(asFirst())
      .send({ name: 'Still first' })
      .expect(200);
    await t.api().delete(`/v1/staff-users/${first.userId}`).set(asFirst()).expect(204);
    // Deleting ended the deleter's own session with the user.
    await t.api().get('/v1/auth/session').set('Cookie', first.cookie).expect(401);
    const last = await t
      .api()
      .patch(`/v1/staff-users/${second.userId}`)
      .set(sessionHeaders(second))
      .send({ disabled: true })
      .expect(409);
    expect(last.body.error.code).toBe('LAST_ADMIN');
    await t.api().get(`/v1/staff-users/${first.userId}`).set(admin()).expect(404);
  });

  it('lets only one of two admins disabling each other at once succeed', async () => {
    const a = await signedInStaff(t, 'admin');
    const b = await signedInStaff(t, 'admin');
    // Whatever other admin users earlier tests left: leave exactly these two enabled.
    const others = (
      await t.app
        .get(DataSource)
        .query<{ id: string }[]>(
          "SELECT id FROM staff_users WHERE role = 'admin' AND NOT disabled AND id <> ALL($1)",
          [[a.userId, b.userId]],
        )
    ).map((r) => r.id);
    for (const id of others) {
      await t
        .api()
        .patch(`/v1/staff-users/${id}`)
        .set(admin())
        .send({ disabled: true })
        .expect(200);
    }
    const [ab, ba] = await Promise.all([
      t.api().patch(`/v1/staff-users/${b.userId}`).set(sessionHeaders(a)).send({ disabled: true }),
      t.api().patch(`/v1/staff-users/${a.userId}`).set(sessionHeaders(b)).send({ disabled: true }),
    ]);
    const statuses = [ab.status, ba.status].sort();
    // One wins; the other is refused as the last admin, or its session was ended by the winner.
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const enabled = await t.app
      .get(DataSource)
      .query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM staff_users WHERE role = 'admin' AND NOT disabled",
      );
    expect(enabled[0]?.n).toBe(1);
  });

  it('remakes a hash made with older parameters when its user signs in', async () => {
    const user = await signedInStaff(t, 'marketer', { password: 'an older hash here' });
    const older = await hash('an older hash here', { ...PASSWORD_HASHING, memoryCost: 8192 });
    const dataSource = t.app.get(DataSource);
    await dataSource.query('UPDATE staff_users SET password_hash = $2 WHERE id = $1', [
      user.userId,
      older,
    ]);
    await t
      .api()
      .post('/v1/auth/session')
      .send({ email: user.email, password: 'an older hash here' })
      .expect(201);
    const rows = await dataSource.query<{ password_hash: string }[]>(
      'SELECT password_hash FROM staff_users WHERE id = $1',
      [user.userId],
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('records creation, change and deletion in the audit log, without the password', async () => {
    const created = await t
      .api()
      .post('/v1/staff-users')
      .set(admin())
      .send({
        email: 'audited@example.com',
        name: 'Audited',
        role: 'marketer',
        password: 'audited password',
      })
      .expect(201);
    const id = (created.body as StaffUser).id;
    const tick = (): void => t.clock.set(new Date(t.clock.now().getTime() + 1000));
    tick();
    await t
      .api()
      .patch(`/v1/staff-users/${id}`)
      .set(admin())
      .send({ name: 'Renamed', password: 'another password' })
      .expect(200);
    // A change that changes nothing is not one.
    await t.api().patch(`/v1/staff-users/${id}`).set(admin()).send({ name: 'Renamed' }).expect(200);
    tick();
    await t.api().delete(`/v1/staff-users/${id}`).set(admin()).expect(204);
    const rows = await t.app
      .get(DataSource)
      .query<{ action: string; before: unknown; after: unknown; actor_kind: string }[]>(
        "SELECT action, before, after, actor_kind FROM audit_log WHERE resource_type = 'staff_user' AND resource_id = $1 ORDER BY at, id",
        [id],
      );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows[1]).toMatchObject({ before: { name: 'Audited' }, after: { name: 'Renamed' } });
    expect(rows.every((r) => r.actor_kind === 'api_key')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/argon2|audited password|another password/);
  });

  it('records a change made in the console as made by the signed-in staff user', async () => {
    const admin = await signedInStaff(t, 'admin');
    const created = await t
      .api()
      .post('/v1/staff-users')
      .set(sessionHeaders(admin))
      .send({
        email: 'by-console@example.com',
        name: 'By console',
        role: 'cashier',
        storeId: 'store-3',
        password: 'console password',
      })
      .expect(201);
    const rows = await t.app
      .get(DataSource)
      .query<{ actor_kind: string; actor_id: string; actor_name: string }[]>(
        "SELECT actor_kind, actor_id, actor_name FROM audit_log WHERE resource_type = 'staff_user' AND resource_id = $1",
        [(created.body as StaffUser).id],
      );
    expect(rows).toEqual([
      {
        actor_kind: 'staff_user',
        actor_id: admin.userId,
        actor_name: expect.stringMatching(/^Staff admin/),
      },
    ]);
  });
});
