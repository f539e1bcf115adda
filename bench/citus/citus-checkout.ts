import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createMembers } from '../bench-members';
import { prepareCheckout, runCheckoutLoad, startCheckoutServer } from '../checkout-load';
import { ME_MEMBERS, mintMemberTokens, runMeLoad, sampleMembers } from '../me-load';
import { MoneyPath, probeMoneyPaths, routingCounters, ShardRouting } from './citus-routing';

export interface CheckoutMeasurement {
  database: string;
  checkoutsPerSecond: number;
  p99Ms: number | null;
  failed: number;
  meRequestsPerSecond: number;
  /** Only on Citus: how the checkouts' and then /v1/me's statements were routed. */
  checkoutRouting: ShardRouting | null;
  meRouting: ShardRouting | null;
  /** Only on Citus: a checkout by card, a return and a till redemption for each of 30 members. */
  pathRouting: Record<MoneyPath, ShardRouting> | null;
}

const PROBED_MEMBERS = 30;

/**
 * The bench's checkout (closed loop, then open loop at `ratePercent` of the peak) and GET /v1/me
 * against the API server on `url`. On Citus the routing counters are reset before each measured
 * run and read after it, so they count exactly that run's statements.
 */
export async function measureCheckouts(options: {
  url: string;
  database: string;
  citus: boolean;
  members: number;
  seconds: number;
  connections: number;
  ratePercent: number;
  log: (line: string) => void;
}): Promise<CheckoutMeasurement> {
  const db = new Client({ connectionString: options.url });
  await db.connect();
  const dataDir = await mkdtemp(join(tmpdir(), 'vafa-bench-citus-'));
  const adminKey = `vafa_sk_bench_${randomBytes(24).toString('base64url')}`;
  let api: Awaited<ReturnType<typeof startCheckoutServer>> | undefined;
  try {
    const counters = options.citus ? await routingCounters(db) : null;
    options.log(`${options.database}: creating ${options.members} members …`);
    const memberIds = await createMembers(db, options.members);
    api = await startCheckoutServer({ databaseUrl: options.url, adminKey, dataDir });
    const { cashierKey } = await prepareCheckout(api.baseUrl, adminKey);
    let checkoutRouting: ShardRouting | null = null;
    const load = await runCheckoutLoad({
      baseUrl: api.baseUrl,
      cashierKey,
      memberIds,
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: 2,
      ratePercent: options.ratePercent,
      rateConnections: 40,
      rateInstances: 20,
      log: (line) => options.log(`${options.database}: ${line}`),
      beforeRun: async (run) => {
        if (run === 'peak') {
          await counters?.reset();
        }
      },
      afterRun: async (run) => {
        if (run === 'peak' && counters) {
          checkoutRouting = await counters.read();
        }
      },
    });
    const tokens = await mintMemberTokens(
      api.baseUrl,
      adminKey,
      await sampleMembers(db, memberIds, ME_MEMBERS),
    );
    let meRouting: ShardRouting | null = null;
    const me = await runMeLoad({
      baseUrl: api.baseUrl,
      tokens,
      connections: options.connections,
      seconds: options.seconds,
      warmupSeconds: 1,
      log: (line) => options.log(`${options.database}: ${line}`),
      beforeRun: async () => {
        await counters?.reset();
      },
      afterRun: async () => {
        meRouting = counters ? await counters.read() : null;
      },
    });
    let pathRouting: Record<MoneyPath, ShardRouting> | null = null;
    if (counters) {
      const probed = await db.query<{ id: string; cardNumber: string }>(
        'SELECT id, card_number AS "cardNumber" FROM members WHERE id = ANY($1::uuid[])',
        [memberIds.slice(0, PROBED_MEMBERS)],
      );
      options.log(`${options.database}: routing of checkouts by card, returns, redemptions …`);
      pathRouting = await probeMoneyPaths({
        baseUrl: api.baseUrl,
        adminKey,
        cashierKey,
        members: probed.rows,
        counters,
      });
    }
    const failures = (run: { failedByStatus: Record<string, number>; errors: number }): number =>
      Object.values(run.failedByStatus).reduce((a, b) => a + b, 0) + run.errors;
    return {
      database: options.database,
      checkoutsPerSecond: load.peak.checkoutsPerSecond,
      p99Ms: load.rated?.latency.p99Ms ?? null,
      failed: failures(load.peak) + (load.rated ? failures(load.rated) : 0),
      meRequestsPerSecond: me.requestsPerSecond,
      checkoutRouting,
      meRouting,
      pathRouting,
    };
  } finally {
    await api?.stop();
    await db.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}
