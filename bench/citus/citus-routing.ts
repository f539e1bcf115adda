import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { call, CHECKOUT_LINES } from '../checkout-load';

/** Statements Citus ran on one shard and on several, from citus_stat_counters. */
export interface ShardRouting {
  singleShard: number;
  multiShard: number;
}

export interface RoutingCounters {
  reset: () => Promise<void>;
  read: () => Promise<ShardRouting>;
}

/**
 * citus_stat_counters of this database. Counting is switched on for the database (new sessions,
 * so before the API server connects): it is off by default in Citus 13.
 */
export async function routingCounters(db: Client): Promise<RoutingCounters> {
  await db.query(
    `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET citus.enable_stat_counters = on', current_database()); END $$`,
  );
  return {
    reset: async (): Promise<void> => {
      await db.query(
        'SELECT citus_stat_counters_reset(oid) FROM pg_database WHERE datname = current_database()',
      );
    },
    read: async (): Promise<ShardRouting> => {
      const { rows } = await db.query<{ single: string; multi: string }>(
        `SELECT query_execution_single_shard AS single, query_execution_multi_shard AS multi
         FROM citus_stat_counters WHERE name = current_database()`,
      );
      return { singleShard: Number(rows[0]?.single ?? 0), multiShard: Number(rows[0]?.multi ?? 0) };
    },
  };
}

export type MoneyPath = 'nothing sent, 5 s' | 'checkout by card' | 'return' | 'till redemption';

/**
 * Each money-moving request a till sends, once per member, one after another, with the counters
 * reset before each kind and read after it: how Citus routed every statement those requests ran.
 * First 5 s with nothing sent: what the server's own background work (the webhook dispatcher
 * looking for new events on every shard) adds to each count.
 */
export async function probeMoneyPaths(options: {
  baseUrl: string;
  adminKey: string;
  cashierKey: string;
  members: { id: string; cardNumber: string }[];
  counters: RoutingCounters;
}): Promise<Record<MoneyPath, ShardRouting>> {
  const run = randomBytes(4).toString('hex');
  const send = async (path: string, body: unknown, key: string): Promise<void> => {
    const response = await fetch(`${options.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.cashierKey}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) {
      throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    }
  };
  const reward = await call<{ id: string }>(
    options.baseUrl,
    options.adminKey,
    '/v1/rewards',
    { name: 'Probe cookie', type: 'gift', pointsCost: 10 },
    201,
  );
  const measure = async (work: () => Promise<void>): Promise<ShardRouting> => {
    await options.counters.reset();
    await work();
    return options.counters.read();
  };
  const orderId = (i: number): string => `probe-${run}-${i}`;
  return {
    'nothing sent, 5 s': await measure(() => new Promise((resolve) => setTimeout(resolve, 5_000))),
    'checkout by card': await measure(async () => {
      for (const [i, m] of options.members.entries()) {
        await send(
          '/v1/pos/checkouts',
          {
            member: { cardNumber: m.cardNumber },
            orderId: orderId(i),
            channel: 'store',
            lines: CHECKOUT_LINES,
          },
          `${orderId(i)}-checkout`,
        );
      }
    }),
    return: await measure(async () => {
      for (const i of options.members.keys()) {
        await send(
          '/v1/pos/returns',
          { orderId: orderId(i), lines: [{ sku: CHECKOUT_LINES[0]?.sku, quantity: 1 }] },
          `${orderId(i)}-return`,
        );
      }
    }),
    'till redemption': await measure(async () => {
      for (const [i, m] of options.members.entries()) {
        await send(
          '/v1/pos/redemptions',
          { member: { id: m.id }, rewardId: reward.id },
          `${orderId(i)}-redeem`,
        );
      }
    }),
  };
}
