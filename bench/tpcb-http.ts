import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { LatencySummary, round, summarizeLatencies } from './stats';

export interface TpcbOverHttpResult {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  failed: number;
}

/**
 * pgbench's transaction over HTTP (tpcb-http-server.ts in a child process), driven by autocannon
 * with as many connections as pgbench had clients. `onChild` gets the server's pid (to name it in
 * the CPU accounting); `window` brackets the measured run.
 */
export async function probeTpcbOverHttp(options: {
  databaseUrl: string;
  scale: number;
  connections: number;
  seconds: number;
  onChild: (pid: number) => void;
  window: { begin: () => Promise<void>; end: () => Promise<void> };
}): Promise<TpcbOverHttpResult> {
  const child = fork(join(__dirname, 'tpcb-http-server.js'), [], {
    env: {
      ...process.env,
      BENCH_TPCB: JSON.stringify({
        databaseUrl: options.databaseUrl,
        scale: options.scale,
        connections: options.connections,
      }),
    },
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { type: string; port?: number }) =>
        message.port ? resolve(message.port) : reject(new Error('tpcb server failed to start')),
      );
      child.once('exit', (code) => reject(new Error(`tpcb server exited with ${code}`)));
    });
    options.onChild(child.pid ?? 0);
    const latencies: number[] = [];
    const url = `http://127.0.0.1:${port}/`;
    await autocannon({ url, connections: options.connections, duration: 2 }); // warm-up
    await options.window.begin();
    const instance = autocannon({
      url,
      connections: options.connections,
      duration: options.seconds,
      timeout: 10,
    });
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status === 200) {
        latencies.push(ms);
      }
    });
    const result = await instance;
    await options.window.end();
    return {
      connections: options.connections,
      seconds: result.duration,
      requestsPerSecond: round(result['2xx'] / Math.max(result.duration, 1e-3), 1),
      latency: summarizeLatencies(latencies),
      failed: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    if (child.connected) {
      child.send('stop');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
