import { request } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startServerProcess } from '../support/server-process';
import { ARTIFACTS } from './playwright.config';
import { CDNOW_FIT_AS_OF, SEED, STORAGE_STATE, type SeedUser } from './seed';

const CDNOW_SAMPLE = resolve(__dirname, '../../../shared/data/cdnow/CDNOW_sample.txt');
const CLI_ENTRY = join(__dirname, '../../dist/apps/cli/src/main.js');
const EMBEDDED_POSTGRES_DIST = join(
  __dirname,
  '../../dist/libs/platform/src/database/embedded-postgres-server.js',
);

const ADMIN_KEY = 'vafa_sk_console_browser_tests_0123456789abcdef';

async function call(url: string, method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** A signed-in browser state for a user, so most tests skip the sign-in form (and its limits). */
async function saveSignedInState(url: string, user: SeedUser, path: string): Promise<void> {
  const context = await request.newContext({ baseURL: url });
  const response = await context.post('/v1/auth/session', {
    data: { email: user.email, password: user.password },
  });
  if (!response.ok()) {
    throw new Error(`sign-in of ${user.email}: ${response.status()}`);
  }
  await context.storageState({ path });
  await context.dispose();
}

/**
 * The CDNOW sample (2,357 customers' purchases of 1997–98, columns `master_id sample_id date cds
 * dollars`) imported through the CLI beside the running server, as a merchant imports history.
 */
function importCdnowSample(dataDir: string, workDir: string): void {
  const rows = ['member_external_id,occurred_at,amount'];
  for (const line of readFileSync(CDNOW_SAMPLE, 'utf8').split(/\r?\n/)) {
    const [id, , date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars) {
      continue;
    }
    const day = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    rows.push(`cdnow-${id},${day},${Math.round(Number(dollars) * 100)}`);
  }
  const csv = join(workDir, 'cdnow-sample.csv');
  writeFileSync(csv, rows.join('\n') + '\n');
  execFileSync(process.execPath, [CLI_ENTRY, 'import', 'transactions', csv], {
    env: { ...process.env, VAFA_DATA_DIR: dataDir, VAFA_LOG_LEVEL: 'warn' },
    stdio: 'pipe',
  });
}

/** The URL of the server's embedded database, for specs that must set up history in the past. */
async function databaseUrlOf(dataDir: string): Promise<string> {
  const platform = (await import(EMBEDDED_POSTGRES_DIST)) as {
    runningEmbeddedDatabaseUrl: (dir: string) => Promise<string | null>;
  };
  const url = await platform.runningEmbeddedDatabaseUrl(dataDir);
  if (url === null) {
    throw new Error(`no embedded database is running on ${dataDir}`);
  }
  return url;
}

/**
 * Starts the built server (as `npm start` runs it) on a throwaway data directory and seeds it: the
 * CDNOW sample with the CLV models fitted on it, then staff users of each role and a few members.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(dirname(STORAGE_STATE.admin), { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'vafa-console-'));
  const server = await startServerProcess({
    VAFA_DATA_DIR: dataDir,
    VAFA_ADMIN_KEY: ADMIN_KEY,
    VAFA_SCHEDULER: 'off',
    VAFA_WEBHOOK_ALLOW_HTTP: 'true',
    VAFA_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  });
  process.env.VAFA_CONSOLE_TEST_URL = server.url;
  process.env.VAFA_CONSOLE_TEST_DATABASE_URL = await databaseUrlOf(dataDir);

  // History first, so the seeded members below stay the newest in the members list.
  importCdnowSample(dataDir, dataDir);
  await call(server.url, 'POST', '/v1/insights/models/fit', { asOf: CDNOW_FIT_AS_OF });

  for (const user of Object.values(SEED.staff)) {
    await call(server.url, 'POST', '/v1/staff-users', {
      email: user.email,
      name: user.name,
      role: user.role,
      password: user.password,
      ...(user.role === 'cashier' ? { storeId: 'store-1' } : {}),
    });
  }
  for (const member of SEED.members) {
    await call(server.url, 'POST', '/v1/members', member);
  }
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
