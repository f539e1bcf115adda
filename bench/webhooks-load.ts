/**
 * The webhooks part of `npm run bench`: how many events per second the dispatcher of one API
 * server delivers to a local receiver, and what one subscribed endpoint costs the checkout (peak
 * checkouts/s with the endpoint enabled against disabled, alternated in one run: rounds of none,
 * subscribed, subscribed, none, so a drift over the run weighs on both alike).
 */
import { fork } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from 'pg';
import { prepareCheckout, runCheckoutLoad, startCheckoutServer } from './checkout-load';
import type { ServerLoad } from './checkout-server';
import { addCleanup } from './harness';
import { nameProcess } from './processes';
import type { PhaseCounters } from './counters';
import { type CpuProfileSummary, summarizeCpuProfiles } from './cpu-profile';
import type { DatabaseProfile } from './profile';
import { round } from './stats';

export interface WebhooksBenchResult {
  delivery: {
    events: number;
    seconds: number;
    eventsPerSecond: number;
    server: ServerLoad | null;
  };
  /** Peak checkouts/s of each alternated run. */
  checkouts: {
    subscribed: boolean;
    checkoutsPerSecond: number;
    checkouts: number;
    failed: number;
    /** Machine CPU busy and CPU of programs this bench did not start, in cores. */
    cpuBusyCores: number | null;
    otherProgramsCores: number | null;
    /** Machine CPU per checkout by process group, ms. */
    cpuMsPerCheckoutByGroup: Record<string, number>;
  }[];
  /** Mean of the runs of each arm. */
  withoutEndpoint: number;
  withEndpoint: number;
  /** How much slower with the endpoint, in percent (target ≤ 10). */
  slowdownPercent: number;
  /** Events the receiver got during and after the subscribed runs (all of them delivered). */
  deliveredDuringCheckouts: number;
  connections: number;
  seconds: number;
  /** The API server's CPU profile over the delivery run (BENCH_CPU_PROF=1). */
  deliveryCpuProfile: (CpuProfileSummary & { dir: string; msPerEvent: number }) | null;
  /** pg_stat_statements over the last run of each arm, per checkout (BENCH_PROFILE=1). */
  profile: { without: DatabaseProfile | null; with: DatabaseProfile | null } | null;
}

interface MeasuredWindow {
  begin: () => Promise<void>;
  end: () => Promise<void>;
  counters: (units: number, perSecond: number) => Promise<PhaseCounters | null>;
}

/** The receiver in its own process (bench/webhook-receiver.ts); `count` asks it over IPC. */
async function startReceiver(): Promise<{ url: string; count: () => Promise<number> }> {
  const child = fork(join(__dirname, 'webhook-receiver.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  addCleanup('stop the webhook receiver', async () => {
    if (child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  });
  nameProcess(child.pid ?? 0, 'node: webhook receiver');
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { type: string; port?: number }) =>
      message.type === 'listening' && message.port
        ? resolve(message.port)
        : reject(new Error('the receiver did not start')),
    );
    child.once('exit', () => reject(new Error('the receiver exited')));
  });
  const count = (): Promise<number> =>
    new Promise((resolve) => {
      const onMessage = (message: { type: string; count?: number }): void => {
        if (message.type !== 'count') {
          return;
        }
        child.off('message', onMessage);
        resolve(message.count ?? 0);
      };
      child.on('message', onMessage);
      child.send('count');
    });
  return { url: `http://127.0.0.1:${port}/hooks`, count };
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

async function until(done: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

const pendingDeliveries = async (db: Client): Promise<number> =>
  Number(
    (
      await db.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending')
              + (SELECT count(*) FROM webhook_fan_out f CROSS JOIN LATERAL (
                   SELECT 1 FROM events e WHERE (e.tx_id, e.id) > (f.last_tx_id, f.last_event_id)
                   ORDER BY e.tx_id, e.id) after) AS n`,
      )
    ).rows[0]?.n ?? 0,
  );

export async function runWebhooksBench(options: {
  db: Client;
  databaseUrl: string;
  adminKey: string;
  dataDir: string;
  memberIds: string[];
  events: number;
  /** Rounds of four peak runs: none, subscribed, subscribed, none. */
  rounds: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  log: (line: string) => void;
  /** Counters around a measured run: CPU of the machine and of other programs. */
  measure: () => MeasuredWindow;
  /** With BENCH_CPU_PROF=1: write the API server's V8 CPU profile here. */
  cpuProfileDir?: string;
  /** With BENCH_PROFILE=1: the statements since the window began, per checkout. */
  readProfile?: (checkouts: number) => Promise<DatabaseProfile>;
}): Promise<WebhooksBenchResult> {
  const { db, log } = options;
  if (options.cpuProfileDir) {
    await mkdir(options.cpuProfileDir, { recursive: true });
  }
  const receiver = await startReceiver();
  const api = await startCheckoutServer({
    databaseUrl: options.databaseUrl,
    adminKey: options.adminKey,
    dataDir: options.dataDir,
    env: { VAFA_WEBHOOK_ALLOW_HTTP: 'true', VAFA_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
    cpuProfileDir: options.cpuProfileDir,
  });
  addCleanup('stop the webhooks API server', api.stop);
  nameProcess(api.pid, 'node: API server (Nest, TypeORM, pg)');
  nameProcess(process.pid, 'node: load generator (autocannon) + bench');
  const { cashierKey } = await prepareCheckout(api.baseUrl, options.adminKey);
  const admin = {
    authorization: `Bearer ${options.adminKey}`,
    'content-type': 'application/json',
  };
  const created = await fetch(`${api.baseUrl}/v1/webhook-endpoints`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ url: receiver.url, description: 'bench receiver' }),
  });
  if (created.status !== 201) {
    throw new Error(`endpoint: ${created.status} ${await created.text()}`);
  }
  const endpointId = ((await created.json()) as { id: string }).id;
  const setEnabled = async (enabled: boolean): Promise<void> => {
    const response = await fetch(`${api.baseUrl}/v1/webhook-endpoints/${endpointId}`, {
      method: 'PATCH',
      headers: admin,
      body: JSON.stringify({ enabled }),
    });
    if (response.status !== 200) {
      throw new Error(`PATCH endpoint: ${response.status}`);
    }
  };

  // 1. Delivery: events written in one transaction, delivered by the server's dispatcher.
  log(`webhooks: writing ${options.events.toLocaleString('en-US')} events, then delivering …`);
  await db.query(
    `INSERT INTO events (id, type, member_id, member_seq, occurred_at, data, created_at, tx_id)
     SELECT gen_random_uuid(), 'points.earned', NULL, NULL, now(),
            jsonb_build_object('points', 45, 'orderId', 'bench-' || g), now(),
            pg_current_xact_id()::text::bigint
     FROM generate_series(1, $1::int) AS g`,
    [options.events],
  );
  api.mark();
  const started = performance.now();
  const deliveryWindowUs = { fromUs: nowUs(), toUs: 0 };
  await until(
    async () => (await receiver.count()) >= options.events,
    600_000,
    'the events to be delivered',
  );
  const deliverySeconds = (performance.now() - started) / 1000;
  deliveryWindowUs.toUs = nowUs();
  const delivery = {
    events: options.events,
    seconds: round(deliverySeconds, 2),
    eventsPerSecond: round(options.events / deliverySeconds, 1),
    server: await api.load(),
  };
  log(`webhooks: ${delivery.eventsPerSecond.toFixed(1)} events/s delivered`);

  // 2. Checkouts with the endpoint disabled and enabled, alternated.
  const checkouts: WebhooksBenchResult['checkouts'] = [];
  let deliveredBefore = await receiver.count();
  let deliveredDuringCheckouts = 0;
  const profiles: { without: DatabaseProfile | null; with: DatabaseProfile | null } = {
    without: null,
    with: null,
  };
  const order = Array.from({ length: options.rounds }, () => [false, true, true, false]).flat();
  for (const subscribed of order) {
    await setEnabled(subscribed);
    await until(async () => (await pendingDeliveries(db)) === 0, 600_000, 'an empty queue');
    await db.query('CHECKPOINT');
    log(`webhooks: checkouts with ${subscribed ? 'one subscribed endpoint' : 'no endpoint'} …`);
    const window = options.measure();
    const load = await runCheckoutLoad({
      baseUrl: api.baseUrl,
      cashierKey,
      memberIds: options.memberIds,
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      ratePercent: 0,
      rateConnections: 1,
      rateInstances: 1,
      log,
      beforeRun: window.begin,
      afterRun: window.end,
    });
    const counters = await window.counters(load.peak.checkouts, load.peak.checkoutsPerSecond);
    if (options.readProfile) {
      profiles[subscribed ? 'with' : 'without'] = await options.readProfile(load.peak.checkouts);
    }
    const failed =
      Object.values(load.peak.failedByStatus).reduce((a, b) => a + b, 0) +
      load.peak.errors +
      load.peak.timeouts;
    checkouts.push({
      subscribed,
      checkoutsPerSecond: load.peak.checkoutsPerSecond,
      checkouts: load.peak.checkouts,
      failed,
      cpuBusyCores: counters?.cpuBusyCores ?? null,
      otherProgramsCores: counters
        ? round(counters.otherProgramsCores + (counters.unattributedCores ?? 0), 2)
        : null,
      cpuMsPerCheckoutByGroup: counters?.cpuMsPerUnitByGroup ?? {},
    });
    if (subscribed) {
      await until(async () => (await pendingDeliveries(db)) === 0, 600_000, 'the deliveries');
      deliveredDuringCheckouts += (await receiver.count()) - deliveredBefore;
    }
    deliveredBefore = await receiver.count();
  }
  await api.stop();
  const cpu = options.cpuProfileDir
    ? await summarizeCpuProfiles(options.cpuProfileDir, deliveryWindowUs)
    : null;

  const mean = (subscribed: boolean): number => {
    const runs = checkouts.filter((c) => c.subscribed === subscribed);
    return runs.reduce((sum, c) => sum + c.checkoutsPerSecond, 0) / runs.length;
  };
  const withoutEndpoint = round(mean(false), 1);
  const withEndpoint = round(mean(true), 1);
  return {
    delivery,
    checkouts,
    withoutEndpoint,
    withEndpoint,
    slowdownPercent: round((1 - withEndpoint / withoutEndpoint) * 100, 1),
    deliveredDuringCheckouts,
    connections: options.connections,
    seconds: options.seconds,
    profile: options.readProfile ? profiles : null,
    deliveryCpuProfile: cpu
      ? {
          dir: options.cpuProfileDir ?? '',
          msPerEvent: round(cpu.busyMs / options.events, 4),
          ...cpu,
        }
      : null,
  };
}

const fmt = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined
    ? 'n/a'
    : value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });

/** Machine CPU per checkout by process, mean of each arm's runs: where the difference goes. */
export function webhookCpuTable(w: WebhooksBenchResult | null): string[][] {
  if (!w) {
    return [];
  }
  const mean = (subscribed: boolean, group: string): number => {
    const runs = w.checkouts.filter((c) => c.subscribed === subscribed);
    return runs.reduce((sum, c) => sum + (c.cpuMsPerCheckoutByGroup[group] ?? 0), 0) / runs.length;
  };
  const groups = [...new Set(w.checkouts.flatMap((c) => Object.keys(c.cpuMsPerCheckoutByGroup)))]
    .filter((g) => Math.max(mean(false, g), mean(true, g)) >= 0.001)
    .sort((a, b) => mean(true, b) - mean(true, a));
  return [
    ['process', 'no endpoint', 'one subscribed', 'difference'],
    ...groups.map((g) => [
      g,
      fmt(mean(false, g), 3),
      fmt(mean(true, g), 3),
      fmt(mean(true, g) - mean(false, g), 3),
    ]),
  ];
}

/** The rows of the report's table for this part. */
export function webhookRows(w: WebhooksBenchResult | null): string[][] {
  if (!w) {
    return [];
  }
  return [
    [
      'webhook events delivered/s',
      fmt(w.delivery.eventsPerSecond),
      `${w.delivery.events.toLocaleString('en-US')} events written at once, delivered to a receiver on 127.0.0.1 in ${fmt(w.delivery.seconds, 2)} s; API server event loop ${fmt(w.delivery.server?.eventLoopUtilization, 2)}, CPU ${fmt(w.delivery.server?.cpuCores, 2)} cores`,
    ],
    [
      'checkouts/s, no endpoint / one subscribed',
      `${fmt(w.withoutEndpoint)} / ${fmt(w.withEndpoint)}`,
      `runs ${w.checkouts.map((c) => `${c.subscribed ? 'with' : 'without'} ${fmt(c.checkoutsPerSecond)}`).join(', ')}; ${w.connections} connections, ${w.seconds} s each; ${w.deliveredDuringCheckouts.toLocaleString('en-US')} events delivered`,
    ],
    [
      "other programs' CPU in those runs (cores)",
      w.checkouts.map((c) => fmt(c.otherProgramsCores, 2)).join(' / '),
      w.checkouts.some((c) => (c.otherProgramsCores ?? 0) > 0.05)
        ? 'NOT IDLE: the machine was shared, numbers are noisy'
        : 'machine otherwise idle',
    ],
    [
      'checkout slowdown with one subscribed endpoint',
      `${fmt(w.slowdownPercent)} %`,
      `target ≤ 10 %: ${w.slowdownPercent <= 10 ? 'met' : 'NOT met'}; ${w.checkouts.reduce((s, c) => s + c.failed, 0)} checkouts failed`,
    ],
  ];
}
