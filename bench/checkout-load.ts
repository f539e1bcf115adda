import { fork } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { ServerLoad } from './checkout-server';
import { LatencySummary, round, summarizeLatencies } from './stats';

/** The API server in its child process. */
export interface CheckoutServer {
  pid: number;
  /** The processes serving requests: the server itself, or its cluster workers. */
  apiPids: number[];
  /** The database pool size of each API process (null if it could not be read). */
  poolSize: number | null;
  baseUrl: string;
  /** Starts a measured stretch in the server. */
  mark: () => void;
  /** How busy the server's event loop and process were since the last mark. */
  load: () => Promise<ServerLoad | null>;
  /** Asks the server to close and waits for it to exit (its CPU profile, if any, is written). */
  stop: () => Promise<void>;
}

export async function startCheckoutServer(options: {
  databaseUrl: string;
  adminKey: string;
  dataDir: string;
  /** Write a V8 CPU profile (--cpu-prof) of the server here. */
  cpuProfileDir?: string;
  /** API processes sharing the port (VAFA_API_PROCESSES); default 1. */
  processes?: number;
  /** More settings for the server, as environment variables. */
  env?: Record<string, string>;
}): Promise<CheckoutServer> {
  const child = fork(join(__dirname, 'checkout-server.js'), [], {
    env: {
      ...process.env,
      BENCH_SERVER: JSON.stringify({
        databaseUrl: options.databaseUrl,
        adminKey: options.adminKey,
        dataDir: options.dataDir,
        processes: options.processes ?? 1,
        env: options.env,
      }),
    },
    execArgv: [
      ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
      // Node flags for the API server alone (e.g. --trace-gc), space-separated.
      ...(process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== ''),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    if (child.connected) {
      child.send('stop');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const { port, pids, poolSize } = await new Promise<{
      port: number;
      pids: number[];
      poolSize: number | null;
    }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the API server did not start within 60 s')),
        60_000,
      );
      child.on(
        'message',
        (message: {
          type: string;
          port?: number;
          pids?: number[];
          poolSize?: number | null;
          message?: string;
        }) => {
          clearTimeout(timer);
          if (message.type === 'listening' && message.port) {
            resolve({
              port: message.port,
              pids: message.pids ?? [],
              poolSize: message.poolSize ?? null,
            });
          } else {
            reject(new Error(`the API server failed to start: ${message.message ?? ''}`));
          }
        },
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the API server exited with ${code} before listening`));
      });
    });
    const mark = (): void => {
      if (child.connected) {
        child.send('mark');
      }
    };
    const load = (): Promise<ServerLoad | null> =>
      new Promise((resolve) => {
        if (!child.connected) {
          return resolve(null);
        }
        const timer = setTimeout(() => resolve(null), 5000);
        const onMessage = (message: { type: string } & ServerLoad): void => {
          if (message.type !== 'load') {
            return;
          }
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve({
            eventLoopUtilization: round(message.eventLoopUtilization, 3),
            cpuCores: round(message.cpuCores, 3),
          });
        };
        child.on('message', onMessage);
        child.send('load');
      });
    return {
      pid: child.pid ?? 0,
      apiPids: pids,
      poolSize,
      baseUrl: `http://127.0.0.1:${port}`,
      stop,
      mark,
      load,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function call<T>(
  baseUrl: string,
  key: string,
  path: string,
  body: unknown,
  expected: number,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(`POST ${path} answered ${response.status}, not ${expected}: ${text}`);
  }
  return JSON.parse(text) as T;
}

export const STORE_ID = 'bench-store';

/** The README's till example: 2 coffees at 10.00 and a pastry at 5.50. */
export const CHECKOUT_LINES = [
  { sku: 'COF-1', category: 'coffee', quantity: 2, unitPrice: 1000 },
  { sku: 'PAS-1', category: 'pastry', quantity: 1, unitPrice: 550 },
];
/** 25 base (1 per dollar of 25.50) + 20 (double on the 20.00 of coffee). */
export const POINTS_PER_CHECKOUT = 45;

/** Through the API, as an operator would: a cashier key and the README's two earning rules. */
export async function prepareCheckout(
  baseUrl: string,
  adminKey: string,
): Promise<{ cashierKey: string }> {
  const cashier = await call<{ key: string }>(
    baseUrl,
    adminKey,
    '/v1/api-keys',
    { name: 'bench till', role: 'cashier', storeId: STORE_ID },
    201,
  );
  await call(
    baseUrl,
    adminKey,
    '/v1/earning-rules',
    { name: 'Base: 1 point per dollar', priority: 0, effect: { pointsPerUnit: 1 } },
    201,
  );
  await call(
    baseUrl,
    adminKey,
    '/v1/earning-rules',
    {
      name: 'Double on coffee',
      priority: 10,
      conditions: { categories: ['coffee'] },
      effect: { multiplier: 2 },
    },
    201,
  );
  return { cashierKey: cashier.key };
}

/** How a closed or rated autocannon run went, whatever it requested. */
export interface LoadOutcome {
  /** Answers other than 2xx, by status code. */
  failedByStatus: Record<string, number>;
  /** Socket errors and timeouts. */
  errors: number;
  timeouts: number;
  firstFailure: string | null;
  /** Of the 2xx answers, as autocannon timed them (request written → response read). */
  latency: LatencySummary;
  /** Sum over the run of the CPU this process (the load generator) used, in cores. */
  loadGeneratorCores: number;
  /** The API server's event loop and CPU over the run (filled in by the caller). */
  server?: ServerLoad | null;
}

export interface CheckoutRun extends LoadOutcome {
  /** Connections actually opened (autocannon opens no more than the rate per second). */
  connections: number;
  /** Requests per second asked of autocannon (`overallRate`), null for as fast as possible. */
  targetRate: number | null;
  /** Staggered autocannon instances the rate was split over (see runCheckoutLoad). */
  instances: number;
  seconds: number;
  checkouts: number;
  checkoutsPerSecond: number;
}

export interface Requests {
  /** A fresh autocannon request definition; every request it builds is a new checkout. */
  definition: (onFailure: (status: number, body: string) => void) => autocannon.Request;
}

/**
 * Every request gets its own Idempotency-Key and orderId (a run tag and a counter) and a random
 * member; the body is the README's till example.
 */
export function checkoutRequests(cashierKey: string, memberIds: string[]): Requests {
  const run = randomBytes(4).toString('hex');
  let counter = 0;
  const headers = {
    authorization: `Bearer ${cashierKey}`,
    'content-type': 'application/json',
  };
  return {
    definition: (onFailure) => ({
      method: 'POST',
      path: '/v1/pos/checkouts',
      headers,
      setupRequest: (request) => {
        const n = ++counter;
        const memberId = memberIds[randomInt(memberIds.length)] ?? '';
        return {
          ...request,
          headers: { ...headers, 'idempotency-key': `bench-${run}-${n}` },
          body: JSON.stringify({
            member: { id: memberId },
            orderId: `bench-${run}-${n}`,
            channel: 'store',
            lines: CHECKOUT_LINES,
          }),
        };
      },
      onResponse: (status, body) => {
        if (status >= 300) {
          onFailure(status, body);
        }
      },
    }),
  };
}

interface InstanceOutcome {
  checkouts: number;
  seconds: number;
  connections: number;
  errors: number;
  timeouts: number;
  failedByStatus: Record<string, number>;
}

/**
 * One or more autocannon instances on the same URL. With `instances` > 1 they start
 * 1000/instances ms apart and share the rate and the connections: autocannon's rate limit lets
 * each connection send its quota for the second back to back as soon as the second starts, and
 * all connections of one instance start their seconds together, so one instance sends the load
 * in one burst per second. Staggered instances spread those bursts over the second.
 */
export async function drive(options: {
  url: string;
  requests: Requests;
  connections: number;
  seconds: number;
  overallRate: number | null;
  instances: number;
}): Promise<CheckoutRun> {
  const latencies: number[] = [];
  let firstFailure: string | null = null;
  const onFailure = (status: number, body: string): void => {
    firstFailure ??= `${status} ${body.slice(0, 300)}`;
  };
  const k = options.overallRate === null ? 1 : Math.max(1, options.instances);
  const share = (total: number, i: number): number =>
    Math.floor(total / k) + (i < total % k ? 1 : 0);

  const one = async (i: number): Promise<InstanceOutcome | null> => {
    const rate = options.overallRate === null ? null : share(options.overallRate, i);
    const connections = Math.max(1, share(options.connections, i));
    if (rate === 0) {
      return null;
    }
    await new Promise((r) => setTimeout(r, (i * 1000) / k));
    const instance = autocannon({
      url: options.url,
      connections: rate === null ? connections : Math.min(connections, rate),
      duration: options.seconds,
      timeout: 10,
      // With a rate, autocannon "corrects" for coordinated omission assuming one request per
      // ceil(1 / rate) ms, i.e. 1 ms: it would invent samples. We keep our own latencies anyway.
      ...(rate === null ? {} : { overallRate: rate, ignoreCoordinatedOmission: true }),
      requests: [options.requests.definition(onFailure)],
    });
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) {
        latencies.push(ms);
      }
    });
    const result = await instance;
    const failedByStatus: Record<string, number> = {};
    for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
      if (!status.startsWith('2')) {
        failedByStatus[status] = count;
      }
    }
    return {
      checkouts: result['2xx'],
      seconds: result.duration,
      connections: rate === null ? connections : Math.min(connections, rate),
      errors: result.errors,
      timeouts: result.timeouts,
      failedByStatus,
    };
  };

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcomes = (await Promise.all(Array.from({ length: k }, (_, i) => one(i)))).filter(
    (o): o is InstanceOutcome => o !== null,
  );
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;

  const failedByStatus: Record<string, number> = {};
  for (const o of outcomes) {
    for (const [status, count] of Object.entries(o.failedByStatus)) {
      failedByStatus[status] = (failedByStatus[status] ?? 0) + count;
    }
  }
  const checkouts = outcomes.reduce((sum, o) => sum + o.checkouts, 0);
  // Each instance ran for `seconds`; together they cover the same stretch, shifted by < 1 s.
  const perSecond = outcomes.reduce((sum, o) => sum + o.checkouts / Math.max(o.seconds, 1e-3), 0);
  return {
    connections: outcomes.reduce((sum, o) => sum + o.connections, 0),
    targetRate: options.overallRate,
    instances: outcomes.length,
    seconds: round(
      outcomes.reduce((max, o) => Math.max(max, o.seconds), 0),
      2,
    ),
    checkouts,
    checkoutsPerSecond: round(perSecond, 1),
    failedByStatus,
    errors: outcomes.reduce((sum, o) => sum + o.errors, 0),
    timeouts: outcomes.reduce((sum, o) => sum + o.timeouts, 0),
    firstFailure,
    latency: summarizeLatencies(latencies),
    loadGeneratorCores: round((cpu.user + cpu.system) / 1000 / wallMs, 2),
  };
}

export interface FloorProbe {
  path: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  failed: number;
}

/**
 * What the HTTP stack alone gives on this machine: `GET /health` (public; Nest, Express, the
 * guard, logging middleware and one `SELECT 1` through TypeORM), closed loop. No endpoint that
 * touches the database can be faster.
 */
export async function probeFloor(options: {
  baseUrl: string;
  connections: number;
  seconds: number;
  /** Also collects the answers' latencies here (to pool several runs). */
  latencies?: number[];
}): Promise<FloorProbe> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${options.baseUrl}/health`,
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
  options.latencies?.push(...latencies);
  return {
    path: '/health',
    connections: options.connections,
    seconds: result.duration,
    requestsPerSecond: round(result['2xx'] / Math.max(result.duration, 1e-3), 1),
    latency: summarizeLatencies(latencies),
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * `GET /health` for `seconds`, not counted: the server's JIT warms up before the floor is measured,
 * as the checkout and `/v1/me` runs get their own warm-up (a cold API compiles its hot path while
 * being measured; a bare server has almost nothing to compile).
 */
export async function warmUpFloor(
  baseUrl: string,
  connections: number,
  seconds: number,
): Promise<void> {
  if (seconds > 0) {
    await probeFloor({ baseUrl, connections, seconds });
  }
}

export interface CheckoutLoadResult {
  members: number;
  warmupSeconds: number;
  /** Closed loop: `connections` connections, each sending its next checkout on the answer. */
  peak: CheckoutRun;
  /** Open loop at `ratePercent` % of the peak's checkouts/s. */
  rated: CheckoutRun | null;
  ratePercent: number;
}

export async function runCheckoutLoad(options: {
  baseUrl: string;
  cashierKey: string;
  memberIds: string[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  ratePercent: number;
  rateConnections: number;
  rateInstances: number;
  log: (line: string) => void;
  /** Around each measured run (warm-up excluded), e.g. to read counters. */
  beforeRun?: (run: 'peak' | 'rated') => Promise<void>;
  afterRun?: (run: 'peak' | 'rated') => Promise<void>;
}): Promise<CheckoutLoadResult> {
  const url = `${options.baseUrl}/v1/pos/checkouts`;
  const requests = checkoutRequests(options.cashierKey, options.memberIds);
  if (options.warmupSeconds > 0) {
    options.log(
      `checkout warm-up: ${options.connections} connections for ${options.warmupSeconds} s (not counted) …`,
    );
    await drive({
      url,
      requests,
      connections: options.connections,
      seconds: options.warmupSeconds,
      overallRate: null,
      instances: 1,
    });
  }

  await options.beforeRun?.('peak');
  options.log(
    `checkouts, peak: ${options.connections} connections for ${options.seconds} s (autocannon) …`,
  );
  const peak = await drive({
    url,
    requests,
    connections: options.connections,
    seconds: options.seconds,
    overallRate: null,
    instances: 1,
  });
  await options.afterRun?.('peak');
  options.log(`checkouts, peak: ${peak.checkoutsPerSecond.toFixed(1)} checkouts/s`);

  let rated: CheckoutRun | null = null;
  const rate = Math.floor((peak.checkoutsPerSecond * options.ratePercent) / 100);
  if (options.ratePercent > 0 && rate >= 1) {
    await options.beforeRun?.('rated');
    options.log(
      `checkouts at ${options.ratePercent} % of peak: overallRate ${rate}/s, ${options.rateConnections} connections in ${options.rateInstances} staggered autocannon instances, ${options.seconds} s …`,
    );
    rated = await drive({
      url,
      requests,
      connections: options.rateConnections,
      seconds: options.seconds,
      overallRate: rate,
      instances: options.rateInstances,
    });
    await options.afterRun?.('rated');
    options.log(
      `checkouts at ${options.ratePercent} %: ${rated.checkoutsPerSecond.toFixed(1)} checkouts/s, p99 ${rated.latency.p99Ms} ms`,
    );
  }
  return {
    members: options.memberIds.length,
    warmupSeconds: options.warmupSeconds,
    peak,
    rated,
    ratePercent: options.ratePercent,
  };
}
