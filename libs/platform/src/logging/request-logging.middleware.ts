import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import { requestLoggers, ROOT_LOGGER } from './root-logger';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const UNLOGGED_PATHS = new Set(['/health', '/metrics']);

// Inside Nest's middleware `url` is relative to the mount point; `originalUrl` is what was asked.
const pathOf = (req: IncomingMessage): string => {
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
  return url.split('?', 1)[0] ?? '';
};

/** One JSON line per request (with its id, echoed in `x-request-id`); health and metrics unlogged. */
@Injectable()
export class RequestLoggingMiddleware implements NestMiddleware {
  private readonly httpLogger: HttpLogger;

  constructor(@Inject(ROOT_LOGGER) logger: Logger) {
    this.httpLogger = pinoHttp({
      logger,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => UNLOGGED_PATHS.has(pathOf(req)) },
    });
  }

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    this.httpLogger(req, res);
    requestLoggers.run((req as IncomingMessage & { log: Logger }).log, next);
  }
}
