import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isRunning } from './postmaster';

/**
 * `server`: an API or worker process, which supervises the database while it owns it.
 * `command`: a one-off CLI command, which yields ownership to a server that joins.
 */
export type OwnerRole = 'server' | 'command';

export interface DatabaseOwner {
  pid: number;
  role: OwnerRole;
}

/**
 * `<dataDir>/owner.pid`: the one process that may stop the embedded database (and restarts it
 * when it dies). Only the owner at that moment stops it; ownership passes by rewriting the file.
 */
export class OwnerFile {
  constructor(private readonly file: string) {}

  async read(): Promise<DatabaseOwner | null> {
    const text = await readFile(this.file, 'utf8').catch(() => '');
    const [pid, role] = text.trim().split(/\s+/);
    const owner = Number(pid);
    if (!Number.isInteger(owner) || owner <= 0) {
      return null;
    }
    // A bare pid was written by versions that only ever let servers own the database.
    return { pid: owner, role: role === 'command' ? 'command' : 'server' };
  }

  /** The owner, if that process is still running. */
  async liveOwner(): Promise<DatabaseOwner | null> {
    const owner = await this.read();
    return owner && isRunning(owner.pid) ? owner : null;
  }

  async isMine(): Promise<boolean> {
    return (await this.read())?.pid === process.pid;
  }

  async claim(role: OwnerRole): Promise<void> {
    // Written aside and renamed, so a reader never sees half a file.
    const draft = `${this.file}.${process.pid}`;
    await writeFile(draft, `${process.pid} ${role}\n`);
    await rename(draft, this.file);
  }

  /** Gives ownership up, if this process still has it. */
  async release(): Promise<void> {
    if (await this.isMine()) {
      await rm(this.file, { force: true });
    }
  }
}
