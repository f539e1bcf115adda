import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { requestLoggers } from './root-logger';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const UNLOGGED_PATHS = new Set(['/health', '/metrics']);

const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/** The request's id: the caller's `x-request-id` when it is a sane one, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

const LOGGER = Symbol('requestLogger');
type LoggedRequest = FastifyRequest & { [LOGGER]?: Logger };

/**
 * One JSON line per request (with its id, echoed in `x-request-id`); health and metrics unlogged.
 * Fastify hooks rather than pino-http: the request's child logger is made once, and it is the
 * logger of everything the handler logs (through `requestLoggers`, entered again before the
 * handler because a body read in between loses the async context).
 */
export function logRequests(fastify: FastifyInstance, root: Logger): void {
  fastify.addHook('onRequest', (request: LoggedRequest, reply: FastifyReply, done: () => void) => {
    void reply.header('x-request-id', request.id);
    const path = pathOf(request.url);
    if (!UNLOGGED_PATHS.has(path)) {
      request[LOGGER] = root.child({ req: { id: request.id, method: request.method, url: path } });
    }
    done();
  });
  fastify.addHook(
    'preHandler',
    (request: LoggedRequest, _reply: FastifyReply, done: () => void) => {
      const logger = request[LOGGER];
      if (logger) {
        requestLoggers.run(logger, done);
      } else {
        done();
      }
    },
  );
  fastify.addHook('onResponse', (request: LoggedRequest, reply: FastifyReply, done: () => void) => {
    const logger = request[LOGGER];
    if (logger) {
      const fields = { res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime };
      if (reply.statusCode >= 500) {
        logger.error(fields, 'request errored');
      } else {
        logger.info(fields, 'request completed');
      }
    }
    done();
  });
}
