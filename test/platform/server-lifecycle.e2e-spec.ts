import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_ENTRY, startServerProcess } from '../support/server-process';

const ADMIN_KEY = 'vafa_sk_lifecycle_test_admin_key_0123456789';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const postmasterPid = async (dataDir: string): Promise<number | null> => {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number((await readFile(file, 'utf8')).split('\n')[0]) : null;
};

/** The built server as `npm start` runs it: its own embedded PostgreSQL, signals, restarts. */
describe('the server process on its embedded PostgreSQL', () => {
  let dataDir: string;
  const env = (): Record<string, string> => ({
    VAFA_DATA_DIR: dataDir,
    VAFA_ADMIN_KEY: ADMIN_KEY,
    VAFA_SCHEDULER: 'off',
  });

  beforeAll(async () => {
    if (!existsSync(SERVER_ENTRY)) {
      throw new Error(`${SERVER_ENTRY} is missing: run "npm run build" first`);
    }
    dataDir = await mkdtemp(join(tmpdir(), 'vafa-lifecycle-'));
  });
  afterAll(async () => {
    const pid = await postmasterPid(dataDir);
    if (pid && isAlive(pid)) {
      process.kill(pid, 'SIGINT');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data across a clean restart, a crash, and a stale lock', async () => {
    const auth = { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' };
    let server = await startServerProcess(env());
    const created = await fetch(`${server.url}/v1/members`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ email: 'keep@example.com' }),
    });
    expect(created.status).toBe(201);
    const member = (await created.json()) as { id: string };

    // SIGTERM: HTTP, connections and then the database stop in order, and the process exits 0.
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await postmasterPid(dataDir)).toBeNull();

    server = await startServerProcess(env());
    expect((await fetch(`${server.url}/v1/members/${member.id}`, { headers: auth })).status).toBe(
      200,
    );

    // A crash leaves PostgreSQL running without its owner; the next start adopts it.
    server.child.kill('SIGKILL');
    await server.exited;
    const orphan = await postmasterPid(dataDir);
    expect(orphan && isAlive(orphan)).toBe(true);
    server = await startServerProcess(env());
    expect((await fetch(`${server.url}/v1/members/${member.id}`, { headers: auth })).status).toBe(
      200,
    );
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(orphan && isAlive(orphan)).toBe(false);

    // A lock file left by a dead server (e.g. after a power cut) is cleared.
    await writeFile(join(dataDir, 'pg', 'postmaster.pid'), `999999\n${dataDir}/pg\n0\n5432\n`);
    server = await startServerProcess(env());
    expect((await fetch(`${server.url}/v1/members/${member.id}`, { headers: auth })).status).toBe(
      200,
    );
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('serves from several processes, replaces one that dies, and stops them all', async () => {
    const auth = { Authorization: `Bearer ${ADMIN_KEY}` };
    const server = await startServerProcess({ ...env(), VAFA_API_PROCESSES: '2' });
    const primary = server.child.pid ?? 0;
    const apiProcesses = async (): Promise<number[]> => {
      const children = await readFile(`/proc/${primary}/task/${primary}/children`, 'utf8');
      const pids = children.split(' ').filter(Boolean).map(Number);
      const commands = await Promise.all(
        pids.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')),
      );
      return pids.filter((_, i) => commands[i]?.includes('main.js'));
    };
    // A new connection per request (no keep-alive): a killed process's pooled sockets would fail.
    const status = (): Promise<number> =>
      new Promise((resolve, reject) =>
        get(`${server.url}/v1/members`, { headers: auth, agent: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        }).on('error', reject),
      );
    const serves = (): Promise<number[]> => Promise.all(Array.from({ length: 10 }, status));

    try {
      await checkCluster();
    } finally {
      if (server.child.exitCode === null) {
        server.child.kill('SIGKILL');
      }
    }

    async function checkCluster(): Promise<void> {
      // Health answers once the first process listens; the second starts after it.
      for (let i = 0; i < 300 && !server.output().includes('in 2 processes'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const workers = await apiProcesses();
      expect(workers).toHaveLength(2);
      expect(new Set(await serves())).toEqual(new Set([200]));

      // One dies. Once the cluster has noticed (connections handed to the dead process in that
      // moment are reset, as they would be on any crash), the other keeps serving while a
      // replacement starts.
      process.kill(workers[0] ?? 0, 'SIGKILL');
      const deadline = Date.now() + 30_000;
      const until = async (done: () => Promise<boolean>): Promise<void> => {
        while (!(await done()) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await until(() => Promise.resolve(server.output().includes('ended (SIGKILL)')));
      expect(server.output()).toContain('ended (SIGKILL); starting another');
      expect(new Set(await serves())).toEqual(new Set([200]));
      let replaced: number[] = [];
      await until(async () => {
        replaced = await apiProcesses();
        return replaced.length === 2 && !replaced.includes(workers[0] ?? 0);
      });
      expect(replaced).toHaveLength(2);
      expect(replaced).not.toContain(workers[0]);
      await until(async () => (await serves()).every((s) => s === 200));
      expect(new Set(await serves())).toEqual(new Set([200]));

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      for (const pid of replaced) {
        expect(isAlive(pid)).toBe(false);
      }
      expect(await postmasterPid(dataDir)).toBeNull();
    }
  });

  it('refuses to start on a bad setting, saying which and why', async () => {
    const server = await startServerProcess(
      { ...env(), PORT: 'eighty', VAFA_SCHEDULER: 'sometimes' },
      false,
    );
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('VAFA_SCHEDULER must be');
    expect(server.output()).toContain('PORT must be a whole number');
  });
});
