import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const SERVER_ENTRY = join(__dirname, '../../dist/apps/api/src/main.js');

const listensOn = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });

/**
 * A port for a server process, free on every address (IPv4 and IPv6, as the server listens) and
 * below the kernel's ephemeral range (32768 and up here). An ephemeral port would be free only
 * until the next `listen(0)`: supertest binds thousands of those in the other Jest worker, and one
 * may take the port in the second before the server process listens on it.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await listensOn(port)) {
      return port;
    }
  }
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the built API server (`npm start` without the build) as its own process. */
export async function startServerProcess(
  env: Record<string, string>,
  waitForHealth = true,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, PORT: String(port), VAFA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  if (waitForHealth) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`server exited early:\n${output}`);
      }
      const ok = await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`server did not become healthy:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { child, url, output: () => output, exited };
}
