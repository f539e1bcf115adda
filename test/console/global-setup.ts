import { request } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startServerProcess } from '../support/server-process';
import { ARTIFACTS } from './playwright.config';
import { SEED, STORAGE_STATE, type SeedUser } from './seed';

const ADMIN_KEY = 'vafa_sk_console_browser_tests_0123456789abcdef';

async function call(url: string, method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A signed-in browser state for a user, so most tests skip the sign-in form (and its limits). */
async function saveSignedInState(url: string, user: SeedUser, path: string): Promise<void> {
  const context = await request.newContext({ baseURL: url });
  const response = await context.post('/v1/auth/session', {
    data: { email: user.email, password: user.password },
  });
  if (!response.ok()) throw new Error(`sign-in of ${user.email}: ${response.status()}`);
  await context.storageState({ path });
  await context.dispose();
}

/**
 * Starts the built server (as `npm start` runs it) on a throwaway data directory and seeds it
 * through the API: staff users of each role and a few members.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(dirname(STORAGE_STATE.admin), { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'vafa-console-'));
  const server = await startServerProcess({
    VAFA_DATA_DIR: dataDir,
    VAFA_ADMIN_KEY: ADMIN_KEY,
    VAFA_SCHEDULER: 'off',
  });
  process.env.VAFA_CONSOLE_TEST_URL = server.url;

  for (const user of Object.values(SEED.staff)) {
    await call(server.url, 'POST', '/v1/staff-users', {
      email: user.email,
      name: user.name,
      role: user.role,
      password: user.password,
      ...(user.role === 'cashier' ? { storeId: 'store-1' } : {}),
    });
  }
  for (const member of SEED.members) await call(server.url, 'POST', '/v1/members', member);
  await saveSignedInState(server.url, SEED.staff.admin, STORAGE_STATE.admin);
  await saveSignedInState(server.url, SEED.staff.cashier, STORAGE_STATE.cashier);

  return async () => {
    server.child.kill('SIGINT');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
    writeFileSync(join(ARTIFACTS, 'server.log'), server.output());
    console.log(`Console screenshots: ${join(ARTIFACTS, 'screenshots')}`);
  };
}
