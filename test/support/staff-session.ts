import type { StaffRole } from '@vafa/platform';
import type { Response } from 'supertest';
import { bearer, TestApp } from './test-app';

export interface TestSession {
  userId: string;
  email: string;
  password: string;
  /** `vafa_session=...`, as a browser would send it back in Cookie. */
  cookie: string;
  csrfToken: string;
}

let sequence = 0;

/** The `name=value` of the session cookie a response set, if it set one. */
export function sessionCookieOf(response: Response): string | undefined {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  return header?.find((c) => c.startsWith('vafa_session='))?.split(';')[0];
}

/** Creates a staff user in `role` (an admin key does it) and signs them in. */
export async function signedInStaff(
  t: TestApp,
  role: StaffRole,
  fields: { storeId?: string; password?: string } = {},
): Promise<TestSession> {
  const email = `staff-${process.pid}-${++sequence}@example.com`;
  const password = fields.password ?? 'a long enough password';
  const created = await t
    .api()
    .post('/v1/staff-users')
    .set(bearer(t.keys.admin))
    .send({
      email,
      name: `Staff ${role} ${sequence}`,
      role,
      password,
      ...(role === 'cashier' ? { storeId: fields.storeId ?? 'store-1' } : {}),
    })
    .expect(201);
  const signedIn = await t.api().post('/v1/auth/session').send({ email, password }).expect(201);
  const cookie = sessionCookieOf(signedIn);
  if (!cookie) {
    throw new Error('no session cookie was set');
  }
  return {
    userId: (created.body as { id: string }).id,
    email,
    password,
    cookie,
    csrfToken: (signedIn.body as { csrfToken: string }).csrfToken,
  };
}

/** The headers a console page sends on a write: the cookie and the CSRF token. */
export const sessionHeaders = (s: TestSession): Record<string, string> => ({
  Cookie: s.cookie,
  'X-CSRF-Token': s.csrfToken,
});
