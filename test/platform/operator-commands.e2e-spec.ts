import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, runningPostmaster, waitFor } from '../support/process-probes';
import {
  freePort,
  SERVER_ENTRY,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';

const REPO = join(__dirname, '../..');
const CLI_ENTRY = join(REPO, 'dist/apps/cli/src/main.js');
const ADMIN_KEY = 'vafa_sk_operator_test_admin_key_0123456789';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(command: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(command, args, {
    cwd: REPO,
    env: { ...process.env, VAFA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const ownerOf = async (dataDir: string): Promise<string> =>
  (await readFile(join(dataDir, 'owner.pid'), 'utf8').catch(() => '')).trim();

/** The server and the CLI as an operator runs them, on their own data directories. */
describe('operator commands and the embedded database', () => {
  let dataDir: string;
  const started: ChildProcess[] = [];
  const env = (): Record<string, string> => ({
    VAFA_DATA_DIR: dataDir,
    VAFA_ADMIN_KEY: ADMIN_KEY,
    VAFA_SCHEDULER: 'off',
  });

  beforeAll(() => {
    if (!existsSync(SERVER_ENTRY) || !existsSync(CLI_ENTRY)) {
      throw new Error('the build is missing: run "npm run build" first');
    }
  });
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vafa-operator-'));
  });
  afterEach(async () => {
    for (const child of started.splice(0)) {
      if (child.pid && isAlive(child.pid)) {
        child.kill('SIGKILL');
      }
    }
    // A server orphaned by its npm parent would still be running.
    const owner = Number((await ownerOf(dataDir)).split(' ')[0]);
    if (owner > 0 && isAlive(owner)) {
      process.kill(owner, 'SIGKILL');
    }
    const postmaster = await runningPostmaster(dataDir);
    if (postmaster) {
      process.kill(postmaster, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('"db url" with no server running says so, and starts no database', async () => {
    const cli = run(process.execPath, [CLI_ENTRY, 'db', 'url'], env());
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain('No Vafa database is running');
    expect(cli.output()).toContain('npm start');
    expect(cli.output()).not.toContain('postgres://');
    expect(existsSync(join(dataDir, 'pg'))).toBe(false);
  });

  it('a busy PORT is one sentence, not a stack, and leaves no database running', async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, resolve));
    try {
      const server = await startServerProcess({ ...env(), PORT: String(port) }, false);
      expect(await server.exited).toBe(1);
      const lines = server.output().trim().split('\n');
      expect(lines).toEqual([expect.stringContaining(`port ${port} is already in use`)]);
      expect(server.output()).not.toContain('EADDRINUSE');
      expect(await runningPostmaster(dataDir)).toBeNull();
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('a bad PORT is named once', async () => {
    const server = await startServerProcess({ ...env(), PORT: 'abc' }, false);
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toBe('Vafa cannot start: PORT must be a whole number.');
  });

  it('a CLI command that started the database leaves it running for a server that joined', async () => {
    // The import reads a named pipe, so it waits, holding its database, until the test writes.
    const csv = join(dataDir, 'history.csv');
    execFileSync('mkfifo', [csv]);
    const cli = run(process.execPath, [CLI_ENTRY, 'import', 'transactions', csv], env());
    started.push(cli.child);
    const cliOwns = await waitFor(
      async () => (await ownerOf(dataDir)) === `${cli.child.pid} command`,
      30_000,
    );
    expect(cliOwns).toBe(true);

    const server: ServerProcess = await startServerProcess(env());
    started.push(server.child);
    expect(await ownerOf(dataDir)).toBe(`${server.child.pid} server`);
    const postmaster = await runningPostmaster(dataDir);

    await writeFile(csv, 'member_external_id,occurred_at,amount\nc2-1,2026-01-05T10:00:00Z,1200\n');
    expect(await cli.exited).toBe(0);
    const auth = { Authorization: `Bearer ${ADMIN_KEY}` };
    const found = await fetch(`${server.url}/v1/members?externalId=c2-1`, { headers: auth });
    expect(((await found.json()) as { items: unknown[] }).items).toHaveLength(1);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await runningPostmaster(dataDir)).toBe(postmaster);

    // The server, which owns it now, stops it.
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await runningPostmaster(dataDir)).toBeNull();
  }, 90_000);

  it('SIGTERM to "npm start" stops the server and its database, leaving nothing behind', async () => {
    const port = await freePort();
    const npm = run('npm', ['start'], { ...env(), PORT: String(port) });
    started.push(npm.child);
    const healthy = await waitFor(
      () =>
        fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        ),
      120_000,
      250,
    );
    expect(healthy).toBe(true);
    const server = Number((await ownerOf(dataDir)).split(' ')[0]);
    const postmaster = await runningPostmaster(dataDir);
    expect(server).toBeGreaterThan(0);
    expect(postmaster).not.toBeNull();

    npm.child.kill('SIGTERM');
    await npm.exited;
    expect(await waitFor(() => !isAlive(server), 15_000)).toBe(true);
    expect(await waitFor(async () => !(await runningPostmaster(dataDir)), 5000)).toBe(true);
  }, 180_000);
});
