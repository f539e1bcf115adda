/**
 * pgbench's own TPC-B-like transaction behind a bare `node:http` server with node-postgres: no
 * framework, no validation, no logging. It tells how much of pgbench's TPS any Node HTTP service
 * on this machine can keep once a request and its answer ride on top of the same database work.
 * `GET /health` gives the API's healthy answer (one `SELECT 1` on a pooled connection, as a named
 * prepared statement; the same JSON, headers and request id, from a pool set up like the API's):
 * the bare floor the API's /health is compared with, so that only the framework differs.
 * Every other request runs the TPC-B transaction.
 *
 * Input: the environment variable BENCH_TPCB, JSON { databaseUrl, scale, connections,
 * healthHeaders?, poolOptions? } (the database pgbench initialised, its scale, the pool size;
 * the API's /health headers and pool settings). Output over IPC: { type: 'listening', port } or
 * { type: 'failed', message }; the message 'stop' closes it and exits with 0.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type PoolClient, type PoolConfig } from 'pg';

interface Input {
  databaseUrl: string;
  scale: number;
  connections: number;
  /** The fixed headers of the API's /health answer, as a flat [name, value, …] list. */
  healthHeaders?: string[];
  /** The API's node-postgres pool settings other than its size. */
  poolOptions?: PoolConfig;
}

// The statements of pgbench's built-in "tpcb-like" script, prepared (as with -M prepared).
const STATEMENTS = {
  account: 'UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2',
  balance: 'SELECT abalance FROM pgbench_accounts WHERE aid = $1',
  teller: 'UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2',
  branch: 'UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2',
  history:
    'INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)',
} as const;

const randomInt = (min: number, max: number): number =>
  min + Math.floor(Math.random() * (max - min + 1));

async function transaction(client: PoolClient, scale: number): Promise<number> {
  const aid = randomInt(1, 100_000 * scale);
  const bid = randomInt(1, scale);
  const tid = randomInt(1, 10 * scale);
  const delta = randomInt(-5000, 5000);
  const run = (name: keyof typeof STATEMENTS, values: unknown[]) =>
    client.query<{ abalance: number }>({ name: `tpcb_${name}`, text: STATEMENTS[name], values });
  await client.query('BEGIN');
  await run('account', [delta, aid]);
  const balance = await run('balance', [aid]);
  await run('teller', [delta, tid]);
  await run('branch', [delta, bid]);
  await run('history', [tid, bid, aid, delta]);
  await client.query('END');
  return balance.rows[0]?.abalance ?? 0;
}

// The API's /health answer when the database is up (terminus' HealthCheckResult).
const healthy = (responseTime: number): string => {
  const database = { responseTime, status: 'up' };
  return JSON.stringify({ status: 'ok', info: { database }, error: {}, details: { database } });
};
const PING = { name: 'health_ping', text: 'SELECT 1' } as const;

function health(pool: Pool, headers: string[], response: ServerResponse): void {
  const started = performance.now();
  pool.query(PING).then(
    () => {
      const body = healthy(Math.round(performance.now() - started));
      response.writeHead(200, [
        ...headers,
        'x-request-id',
        randomUUID(),
        'content-length',
        String(Buffer.byteLength(body)),
      ]);
      response.end(body);
    },
    (error: unknown) => {
      // As the API answers a failed check: its error format, the check's result in the details.
      const down = { status: 'down', message: error instanceof Error ? error.message : 'failed' };
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: {
            code: 'SERVICE_UNAVAILABLE',
            message: 'A dependency is not available.',
            details: {
              status: 'error',
              info: {},
              error: { database: down },
              details: { database: down },
            },
          },
        }),
      );
    },
  );
}

function main(): void {
  const input = JSON.parse(process.env.BENCH_TPCB ?? '{}') as Input;
  const pool = new Pool({
    ...input.poolOptions,
    connectionString: input.databaseUrl,
    max: input.connections,
  });
  const healthHeaders = input.healthHeaders ?? ['content-type', 'application/json'];
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/health') {
      return health(pool, healthHeaders, response);
    }
    const fail = (): void => void response.writeHead(500).end();
    pool.connect().then(async (client) => {
      try {
        const balance = await transaction(client, input.scale);
        client.release();
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ balance }));
      } catch (error) {
        client.release(error as Error);
        fail();
      }
    }, fail);
  });
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port });
  });
  const stop = (code: number): void => {
    server.close();
    void pool.end().finally(() => process.exit(code));
  };
  process.on('message', (message) => message === 'stop' && stop(0));
  process.on('disconnect', () => stop(1));
}

main();
