/**
 * The real API server for the checkout benchmark, in a child process of its own (started by
 * checkout-load.ts), so that the load generator does not share its event loop and /proc shows
 * the server's CPU apart from everything else.
 *
 * Input: the environment variable BENCH_SERVER, JSON { databaseUrl, adminKey, dataDir, env? }.
 * Output over IPC: { type: 'listening', port, pids, poolSize } once `app.listen` on a free 127.0.0.1 port is done,
 * or { type: 'failed', message }. The message 'stop' closes the app and exits with 0 (so that
 * `--cpu-prof` can write its profile); a lost parent ends the process too.
 */
import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { loadConfig, tuneHeapForServing } from '@vafa/platform';
import { createApiApp } from '@vafa/app';

interface ServerInput {
  databaseUrl: string;
  adminKey: string;
  dataDir: string;
  /** API processes sharing the port (as VAFA_API_PROCESSES runs them); default 1. */
  processes?: number;
  /** More settings, as environment variables (e.g. the webhook ones). */
  env?: Record<string, string>;
}

export interface ServerLoad {
  /** Share of the wall time the event loop was busy (performance.eventLoopUtilization). */
  eventLoopUtilization: number;
  /** CPU of the whole server process (all threads), in cores. */
  cpuCores: number;
}

type ToParent =
  | { type: 'listening'; port: number; pids: number[]; poolSize: number | null }
  | { type: 'failed'; message: string }
  | ({ type: 'load' } & ServerLoad);

const send = (message: ToParent): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  // As apps/api/src/main.ts starts the API.
  tuneHeapForServing();
  const input = JSON.parse(process.env.BENCH_SERVER ?? '{}') as ServerInput;
  if (cluster.isPrimary && (input.processes ?? 1) > 1) {
    return runPrimary(input.processes ?? 1);
  }
  const config = loadConfig({
    VAFA_SCHEDULER: 'off',
    VAFA_LOG_LEVEL: 'silent',
    VAFA_ADMIN_KEY: input.adminKey,
    VAFA_DATA_DIR: input.dataDir,
    ...input.env,
  });
  const app = await createApiApp({
    config,
    databaseUrl: input.databaseUrl,
    print: () => undefined,
  });
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;

  // The database pool of this process as the API configured it (node-postgres' `max`).
  const pool = (app.get(DataSource).driver as { master?: { options?: { max?: number } } }).master;
  const poolSize = pool?.options?.max ?? null;

  let stopping = false;
  const stop = (code: number): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    void app
      .close()
      .catch(() => undefined)
      .finally(() => process.exit(code));
  };
  // 'mark' starts a measured stretch; 'load' answers how busy the server was since the mark.
  let mark = {
    elu: performance.eventLoopUtilization(),
    cpu: process.cpuUsage(),
    at: performance.now(),
  };
  process.on('message', (message) => {
    if (message === 'stop') {
      stop(0);
    }
    if (message === 'mark') {
      mark = {
        elu: performance.eventLoopUtilization(),
        cpu: process.cpuUsage(),
        at: performance.now(),
      };
    }
    if (message === 'load') {
      const cpu = process.cpuUsage(mark.cpu);
      send({
        type: 'load',
        eventLoopUtilization: performance.eventLoopUtilization(mark.elu).utilization,
        cpuCores: (cpu.user + cpu.system) / 1000 / (performance.now() - mark.at),
      });
    }
  });
  process.on('disconnect', () => stop(1));
  send({ type: 'listening', port: address.port, pids: [process.pid], poolSize });
}

/**
 * Several API processes on one port, like `VAFA_API_PROCESSES`: this process forks them (each
 * runs main() above as a cluster worker, sharing the port) and relays the parent's messages.
 * Its 'load' answer is the mean event loop utilization of the processes and the sum of their CPU
 * (its own included).
 */
async function runPrimary(count: number): Promise<void> {
  const workers: Worker[] = [];
  const ask = (worker: Worker, message: string, type: string): Promise<ToParent> =>
    new Promise((resolve, reject) => {
      const onMessage = (answer: ToParent): void => {
        if (answer.type !== type && answer.type !== 'failed') {
          return;
        }
        worker.off('message', onMessage);
        if (answer.type === 'failed') {
          reject(new Error(answer.message));
        } else {
          resolve(answer);
        }
      };
      worker.on('message', onMessage);
      if (message) {
        worker.send(message);
      }
    });
  let port = 0;
  let poolSize: number | null = null;
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork();
    workers.push(worker);
    const listening = await ask(worker, '', 'listening');
    if (listening.type === 'listening') {
      port = listening.port;
      poolSize = listening.poolSize;
    }
  }
  const stopAll = async (code: number): Promise<never> => {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) {
              return resolve();
            }
            w.once('exit', () => resolve());
            w.send('stop');
          }),
      ),
    );
    process.exit(code);
  };
  let ownCpu = process.cpuUsage();
  let markedAt = performance.now();
  process.on('message', (message) => {
    if (message === 'stop') {
      void stopAll(0);
    }
    if (message === 'mark') {
      ownCpu = process.cpuUsage();
      markedAt = performance.now();
      for (const w of workers) {
        w.send('mark');
      }
    }
    if (message === 'load') {
      void Promise.all(workers.map((w) => ask(w, 'load', 'load'))).then((loads) => {
        const own = process.cpuUsage(ownCpu);
        const ownCores = (own.user + own.system) / 1000 / (performance.now() - markedAt);
        const each = loads.flatMap((l) => (l.type === 'load' ? [l] : []));
        send({
          type: 'load',
          eventLoopUtilization:
            each.reduce((sum, l) => sum + l.eventLoopUtilization, 0) / Math.max(1, each.length),
          cpuCores: each.reduce((sum, l) => sum + l.cpuCores, ownCores),
        });
      });
    }
  });
  process.on('disconnect', () => void stopAll(1));
  send({ type: 'listening', port, pids: workers.map((w) => w.process.pid ?? 0), poolSize });
}

main().catch((error: unknown) => {
  send({
    type: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
});
