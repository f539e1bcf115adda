import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { addStaffUser, StaffCommandError } from '@vafa/platform';
import { startTestApp, TestApp } from '../support/test-app';

describe('npm run vafa -- staff add: the way into a fresh install', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const add = async (options: Parameters<typeof addStaffUser>[1]): Promise<string[]> => {
    const lines: string[] = [];
    await addStaffUser(t.app.get(DataSource), options, (line) => lines.push(line), t.clock);
    return lines;
  };

  it('prints a generated password once, and it signs in as an admin', async () => {
    const lines = await add({ email: 'You@Example.com', role: 'admin' });
    expect(lines[0]).toBe('Created staff user you@example.com (admin).');
    const password = /Password \(shown only now; sign in and keep it safe\): (\S+)$/.exec(
      lines[1] ?? '',
    )?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const signedIn = await t
      .api()
      .post('/v1/auth/session')
      .send({ email: 'you@example.com', password })
      .expect(201);
    expect(signedIn.body.user).toMatchObject({
      email: 'you@example.com',
      name: 'You',
      role: 'admin',
    });
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '';
    await t.api().get('/v1/staff-users').set('Cookie', cookie).expect(200);
    // Another run makes another password.
    const second = await add({ email: 'other@example.com', role: 'marketer', name: 'Other' });
    expect(second[1]).not.toContain(password);
  });

  it('says plainly when the email is taken, or a cashier has no store', async () => {
    await expect(add({ email: 'YOU@example.com', role: 'marketer' })).rejects.toThrow(
      new StaffCommandError('A staff user with the email you@example.com already exists.'),
    );
    await expect(add({ email: 'till@example.com', role: 'cashier' })).rejects.toThrow(
      new StaffCommandError('A cashier must be bound to a store: add --store <storeId>.'),
    );
    await expect(add({ email: 'not-an-email', role: 'admin' })).rejects.toThrow(StaffCommandError);
    const lines = await add({ email: 'till@example.com', role: 'cashier', store: 'store-9' });
    expect(lines[0]).toBe('Created staff user till@example.com (cashier, store store-9).');
  });
});

describe('the built command line', () => {
  const cli = join(__dirname, '../../dist/apps/cli/src/main.js');
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(cli)) {
      throw new Error('the build is missing: run "npm run build" first');
    }
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const vafa = (args: string[]): Promise<{ code: number | null; output: string }> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [cli, ...args],
        { env: { ...process.env, DATABASE_URL: t.databaseUrl, VAFA_LOG_LEVEL: 'warn' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, output: stdout + stderr }),
      );
    });

  it('staff add prints a password that signs in; the same email again is one sentence and exit 1', async () => {
    const added = await vafa(['staff', 'add', '--email', 'ops@example.com', '--role', 'admin']);
    expect(added.code).toBe(0);
    const password = /: (\S+)\n$/.exec(added.output)?.[1];
    await t.api().post('/v1/auth/session').send({ email: 'ops@example.com', password }).expect(201);

    const again = await vafa(['staff', 'add', '--email', 'OPS@example.com', '--role', 'marketer']);
    expect(again).toEqual({
      code: 1,
      output: 'A staff user with the email ops@example.com already exists.\n',
    });
    const badRole = await vafa(['staff', 'add', '--email', 'x@example.com', '--role', 'owner']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.output).toContain('Allowed choices are admin, marketer, cashier, integration');
  });
});
