import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How often Node looks for requests past their deadline (its default is 30 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

type Headers = Record<string, string>;

/**
 * The headers a helmet configuration sets. They depend on the options only, never on the
 * request, so they are computed once and written with the reply's own headers instead of
 * running helmet's middleware on every request.
 */
function helmetHeaders(options?: Parameters<typeof helmet>[0]): Headers {
  const headers: Headers = {};
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

export const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/** The API's JSON may load nothing. */
const apiHeaders = helmetHeaders({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
});
// Every answer under /v1 is someone's data.
const v1Headers = { ...apiHeaders, 'cache-control': 'no-store' };
// The OpenAPI UI at /docs loads its own scripts and styles.
const docsHeaders = helmetHeaders();
// The console loads only its own scripts (no inline ones); Mantine injects style tags.
const consoleHeaders = helmetHeaders({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});
/** The security headers (and, on /v1, the no-store) of an answer to `path`. */
export const securityHeadersFor = (path: string): Headers => {
  if (path === '/v1' || path.startsWith('/v1/')) {
    return v1Headers;
  }
  if (path.startsWith('/docs')) {
    return docsHeaders;
  }
  if (path === '/console' || path.startsWith('/console/')) {
    return consoleHeaders;
  }
  return apiHeaders;
};

/**
 * Security headers on every answer (the API's JSON may load nothing; the OpenAPI UI at /docs
 * and the console at /console their own scripts and styles), `Cache-Control: no-store` on /v1 (every answer there is someone's
 * data), and a deadline for a whole request so a body trickled byte by byte cannot hold a
 * connection: past it Node answers 408 and closes the connection.
 */
export function hardenHttp(app: NestFastifyApplication, requestTimeoutSeconds: number): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      reply.headers(securityHeadersFor(pathOf(request.url)));
      done();
    });
  const server = app.getHttpServer() as Server & { connectionsCheckingInterval: number };
  server.requestTimeout = requestTimeoutSeconds * 1000;
  server.headersTimeout = Math.min(server.headersTimeout, server.requestTimeout);
  server.connectionsCheckingInterval = TIMEOUT_CHECK_INTERVAL_MS;
}
