import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { preparedQuery, type PreparedStatement } from '../database/prepared-query';

const PING: PreparedStatement = { name: 'vafa_health_ping', text: 'SELECT 1' };

/** GET /health's answer when the database is up (HealthDto, as terminus writes it). */
const healthy = (responseTime: number): string => {
  const database = `{"responseTime":${responseTime},"status":"up"}`;
  return `{"status":"ok","info":{"database":${database}},"error":{},"details":{"database":${database}}}`;
};

/** How long the quick ping may take before HealthController checks again (it waits 3 s). */
const QUICK_PING_MS = 1000;

/**
 * Load balancers call GET /health many times a second, so the healthy answer skips Nest's
 * pipeline (guards, interceptor, terminus, a query runner): one prepared ping on the pool, the
 * same JSON. The hook runs after the security headers, request id and metrics hooks are set up,
 * so the answer carries them and is counted. When the ping fails or is slow, the request goes on
 * to HealthController, which checks again and answers 503 in the API's error format.
 */
export function answerHealthyQuickly(fastify: FastifyInstance, dataSource: DataSource): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      return;
    }
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), QUICK_PING_MS);
    });
    const pinged = preparedQuery(dataSource.manager, PING, []).then(
      () => true,
      () => false,
    );
    const up = await Promise.race([pinged, slow]);
    clearTimeout(timer);
    if (up) {
      return reply
        .header('cache-control', 'no-cache, no-store, must-revalidate')
        .type('application/json; charset=utf-8')
        .send(healthy(Date.now() - started));
    }
  });
}
