import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MetricsRegistry } from './metrics-registry.provider';

/** Every answer in the latency histogram, labelled with its route's pattern (or `unmatched`). */
export function measureRequests(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  fastify.addHook(
    'onResponse',
    (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      metrics.httpDuration.observe(
        {
          method: request.method,
          route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
          status_code: reply.statusCode,
        },
        reply.elapsedTime / 1000,
      );
      done();
    },
  );
}
