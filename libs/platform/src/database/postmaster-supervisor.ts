import type { OwnerFile, OwnerRole } from './database-owner';
import { isRunning, readPostmasterLock, removePostmasterLock, spawnPostmaster } from './postmaster';

const CHECK_INTERVAL_MS = 250;
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 5000;

export interface PostmasterSpec {
  pgDir: string;
  /** Kept across restarts, so the URL every pool holds stays valid. */
  port: number;
  settings: Record<string, string>;
  logFile: string;
  adminUrl: string;
}

/**
 * Keeps the embedded PostgreSQL running without a human. While this process owns the database,
 * a postmaster that dies (killed, crashed, out of memory) is started again on the same port,
 * retrying with backoff while it cannot start (its old backends still hold shared memory for a
 * moment; a crash recovery takes a while). A server process that has joined a database owned by
 * another process takes ownership over when that process has gone, so the database always has
 * someone to restart it and, later, to stop it. Connection pools reconnect by themselves once
 * the server answers again.
 */
export class PostmasterSupervisor {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private nextAttemptAt = 0;

  constructor(
    private readonly postmaster: PostmasterSpec,
    private readonly owners: OwnerFile,
    private readonly role: OwnerRole,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.checking = this.check()
        .catch((error: unknown) => this.log(`PostgreSQL supervisor: ${String(error)}`))
        .finally(() => this.start());
    }, CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops watching, after any restart under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking;
  }

  private async check(): Promise<void> {
    if (!(await this.owners.isMine())) {
      if (this.role !== 'server' || (await this.owners.liveOwner())) {
        return;
      }
      await this.owners.claim(this.role);
      this.log('the process that owned the embedded PostgreSQL has gone: taking it over');
    }
    const lock = await readPostmasterLock(this.postmaster.pgDir);
    if (lock && isRunning(lock.pid)) {
      this.retryMs = FIRST_RETRY_MS;
      return;
    }
    if (this.stopped || Date.now() < this.nextAttemptAt) {
      return;
    }
    this.log(`PostgreSQL ${lock ? `(pid ${lock.pid}) ` : ''}has stopped: starting it again`);
    try {
      if (lock) {
        await removePostmasterLock(this.postmaster.pgDir);
      }
      const pid = await spawnPostmaster(this.postmaster);
      this.log(`PostgreSQL is running again (pid ${pid})`);
      this.retryMs = FIRST_RETRY_MS;
    } catch (error) {
      this.log(`PostgreSQL did not start; next try in ${this.retryMs} ms: ${String(error)}`);
      this.nextAttemptAt = Date.now() + this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    }
  }
}
