import { fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type FloorProbe, probeFloor, warmUpFloor } from './checkout-load';
import { LatencySummary, round, summarizeLatencies } from './stats';
import { HEALTH_HEADERS, typeOrmOptions } from '@vafa/platform';

export interface TpcbOverHttpResult {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  failed: number;
}

interface MeasuredRun {
  begin: () => Promise<void>;
  end: () => Promise<void>;
  /** The CPU window's last reading is taken: the server may stop (else its CPU is lost). */
  sampled: () => Promise<void>;
}

/** The bare node:http server (tpcb-http-server.ts) in a child process. */
interface BareServer {
  pid: number;
  baseUrl: string;
  stop: () => Promise<void>;
}

/** The API's /health headers and pool settings (not its size), for the bare server to copy. */
function apiHealthSetup(): { healthHeaders: string[]; poolOptions: Record<string, unknown> } {
  const { max: _size, ...poolOptions } = typeOrmOptions('', { entities: [], migrations: [] })
    .extra as Record<string, unknown>;
  return { healthHeaders: [...HEALTH_HEADERS], poolOptions };
}

async function startBareServer(options: {
  databaseUrl: string;
  scale: number;
  poolSize: number;
  /** Answer /health as the API does: its headers, and a pool set up like its own. */
  likeTheApi?: boolean;
}): Promise<BareServer> {
  const child = fork(join(__dirname, 'tpcb-http-server.js'), [], {
    env: {
      ...process.env,
      BENCH_TPCB: JSON.stringify({
        databaseUrl: options.databaseUrl,
        scale: options.scale,
        connections: options.poolSize,
        ...(options.likeTheApi ? apiHealthSetup() : {}),
      }),
    },
    // Node flags for the bare server alone (e.g. --cpu-prof), space-separated.
    execArgv: (process.env.BENCH_BARE_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== ''),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.connected) {
      child.send('stop');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { type: string; port?: number }) =>
        message.port ? resolve(message.port) : reject(new Error('tpcb server failed to start')),
      );
      child.once('exit', (code) => reject(new Error(`tpcb server exited with ${code}`)));
    });
    return { pid: child.pid ?? 0, baseUrl: `http://127.0.0.1:${port}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
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
  window: MeasuredRun;
}): Promise<TpcbOverHttpResult> {
  const server = await startBareServer({ ...options, poolSize: options.connections });
  try {
    options.onChild(server.pid);
    const latencies: number[] = [];
    const url = `${server.baseUrl}/`;
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
    await options.window.sampled();
    return {
      connections: options.connections,
      seconds: result.duration,
      requestsPerSecond: round(result['2xx'] / Math.max(result.duration, 1e-3), 1),
      latency: summarizeLatencies(latencies),
      failed: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    await server.stop();
  }
}

/** The bare /health server, started and warmed up once, then measured round after round. */
export interface BareHealthServer {
  pid: number;
  /** One measured round inside `window`; `latencies` also collects the answers' latencies. */
  probe: (window: MeasuredRun, latencies?: number[]) => Promise<FloorProbe & { poolSize: number }>;
  stop: () => Promise<void>;
}

/**
 * The bare server answering /health as the API does, warmed up as the API's floor is
 * (warmUpFloor), and kept for all rounds: like the API, one process measured again and again.
 */
export async function startBareHealth(options: {
  databaseUrl: string;
  poolSize: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<BareHealthServer> {
  const server = await startBareServer({ ...options, scale: 1, likeTheApi: true });
  try {
    await warmUpFloor(server.baseUrl, options.connections, options.warmupSeconds);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    pid: server.pid,
    stop: server.stop,
    probe: async (window, latencies) => {
      await window.begin();
      const probe = await probeFloor({
        baseUrl: server.baseUrl,
        connections: options.connections,
        seconds: options.seconds,
        latencies,
      });
      await window.end();
      await window.sampled();
      return { ...probe, poolSize: options.poolSize };
    },
  };
}
