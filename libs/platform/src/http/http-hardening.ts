import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';

/** How often Node looks for requests past their deadline (its default is 30 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

/**
 * Security headers on every answer (the API's JSON may load nothing; the OpenAPI UI at /docs
 * and the console at /console their own scripts and styles), `Cache-Control: no-store` on /v1 (every answer there is someone's
 * data), and a deadline for a whole request so a body trickled byte by byte cannot hold a
 * connection: past it Node answers 408 and closes the connection.
 */
export function hardenHttp(app: NestExpressApplication, requestTimeoutSeconds: number): void {
  const apiHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
  });
  const docsHeaders = helmet();
  // The console loads only its own scripts (no inline ones); Mantine injects style tags.
  const consoleHeaders = helmet({
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
  const headersFor = (path: string) => {
    if (path.startsWith('/docs')) {
      return docsHeaders;
    }
    if (path === '/console' || path.startsWith('/console/')) {
      return consoleHeaders;
    }
    return apiHeaders;
  };
  app.use((req: Request, res: Response, next: NextFunction) =>
    headersFor(req.path)(req, res, next),
  );
  app.use('/v1', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const server = app.getHttpServer() as Server & { connectionsCheckingInterval: number };
  server.requestTimeout = requestTimeoutSeconds * 1000;
  server.headersTimeout = Math.min(server.headersTimeout, server.requestTimeout);
  server.connectionsCheckingInterval = TIMEOUT_CHECK_INTERVAL_MS;
}
