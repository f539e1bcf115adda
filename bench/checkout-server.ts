/**
 * The real API server for the checkout benchmark, in a child process of its own (started by
 * checkout-load.ts), so that the load generator does not share its event loop and /proc shows
 * the server's CPU apart from everything else.
 *
 * Input: the environment variable BENCH_SERVER, JSON { databaseUrl, adminKey, dataDir }.
 * Output over IPC: { type: 'listening', port } once `app.listen` on a free 127.0.0.1 port is done,
 * or { type: 'failed', message }. The message 'stop' closes the app and exits with 0 (so that
 * `--cpu-prof` can write its profile); a lost parent ends the process too.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig } from '@vafa/platform';
import { createApiApp } from '../apps/api/src/create-app';

interface ServerInput {
  databaseUrl: string;
  adminKey: string;
  dataDir: string;
}

export interface ServerLoad {
  /** Share of the wall time the event loop was busy (performance.eventLoopUtilization). */
  eventLoopUtilization: number;
  /** CPU of the whole server process (all threads), in cores. */
  cpuCores: number;
}

type ToParent =
  | { type: 'listening'; port: number }
  | { type: 'failed'; message: string }
  | ({ type: 'load' } & ServerLoad);

const send = (message: ToParent): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  const input = JSON.parse(process.env.BENCH_SERVER ?? '{}') as ServerInput;
  const config = loadConfig({
    VAFA_SCHEDULER: 'off',
    VAFA_LOG_LEVEL: 'silent',
    VAFA_ADMIN_KEY: input.adminKey,
    VAFA_DATA_DIR: input.dataDir,
  });
  const app = await createApiApp({
    config,
    databaseUrl: input.databaseUrl,
    print: () => undefined,
  });
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;

  let stopping = false;
  const stop = (code: number): void => {
    if (stopping) return;
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
    if (message === 'stop') stop(0);
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
  send({ type: 'listening', port: address.port });
}

main().catch((error: unknown) => {
  send({
    type: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
});
