import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** True while the process runs (a zombie, dead but not yet reaped, counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** What `<dataDir>/pg/postmaster.pid` says, if the embedded PostgreSQL left one. */
export async function postmasterLock(
  dataDir: string,
): Promise<{ pid: number; port: number } | null> {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) {
    return null;
  }
  const lines = (await readFile(file, 'utf8')).split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/** The pid of the running embedded postmaster on `dataDir`, or null. */
export async function runningPostmaster(dataDir: string): Promise<number | null> {
  const lock = await postmasterLock(dataDir);
  return lock && isAlive(lock.pid) ? lock.pid : null;
}

/** Polls `done` until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) {
      return true;
    }
    if (Date.now() > deadline) {
      return false;
    }
    await sleep(intervalMs);
  }
}
