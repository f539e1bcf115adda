import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { poolOf, preparedQuery, type PreparedStatement } from '../database/prepared-query';
import { securityHeadersFor } from '../http/http-hardening';
import type { MetricsRegistry } from '../http/metrics-registry.provider';
import { requestIdOf } from '../logging/request-logging';
import { PingsOut } from './pings-out';

const PING: PreparedStatement = { name: 'vafa_health_ping', text: 'SELECT 1' };

/** How long the quick ping may take before HealthController checks again (it waits 3 s). */
const QUICK_PING_MS = 1000;

/** The healthy answer's fixed headers as a flat [name, value, …] list (none copied per request). */
export const HEALTH_HEADERS: readonly string[] = Object.entries({
  ...securityHeadersFor('/health'),
  'cache-control': 'no-cache, no-store, must-revalidate',
  'content-type': 'application/json; charset=utf-8',
}).flat();
const LABELS = { method: 'GET', route: '/health', status_code: 200 } as const;

/** GET /health's answer when the database is up (HealthDto, as terminus writes it). */
const healthy = (responseTime: number): string => {
  const database = `{"responseTime":${responseTime},"status":"up"}`;
  return `{"status":"ok","info":{"database":${database}},"error":{},"details":{"database":${database}}}`;
};

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Load balancers call GET /health many times a second, so its healthy answer comes from the
 * HTTP server itself, before Fastify and Nest (routing, hooks, guards, terminus, a query
 * runner): one prepared ping on the pool and the answer the framework would give, with the
 * same security headers, request id and latency metric. Anything else, and a ping that fails
 * or takes over a second (PingsOut), goes to the framework as before: HealthController checks
 * again and answers 503 in the API's error format.
 */
export function answerHealthBeforeFramework(
  server: Server,
  dataSource: DataSource,
  metrics: MetricsRegistry,
): void {
  const listeners = server.listeners('request') as RequestListener[];
  const framework = listeners[0];
  if (listeners.length !== 1 || !framework) {
    return;
  }
  server.removeListener('request', framework);
  // Bound once: observing through the labelled child skips hashing the labels per answer.
  const latency = metrics.httpDuration.labels(LABELS);
  // A ping that takes too long: the framework answers instead (HealthController checks again).
  const pingsOut = new PingsOut<ServerResponse>(QUICK_PING_MS, (response) =>
    framework.call(server, response.req, response),
  );
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      framework.call(server, request, response);
      return;
    }
    const started = performance.now();
    pingsOut.add(response);
    ping(dataSource).then(
      () => {
        if (!pingsOut.settle(response)) {
          return;
        }
        const body = healthy(Math.round(performance.now() - started));
        response.writeHead(200, [
          ...HEALTH_HEADERS,
          'x-request-id',
          requestIdOf(request),
          'content-length',
          String(Buffer.byteLength(body)),
        ]);
        response.end(body);
        latency.observe((performance.now() - started) / 1000);
      },
      () => {
        if (pingsOut.settle(response)) {
          framework.call(server, request, response);
        }
      },
    );
  });
}

/** The ping, straight on the pool as a bare server would send it (preparedQuery without one). */
function ping(dataSource: DataSource): Promise<unknown> {
  const pool = poolOf(dataSource.manager);
  return pool ? pool.query(PING) : preparedQuery(dataSource.manager, PING, []);
}
