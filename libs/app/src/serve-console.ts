import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CONSOLE_PATH = '/console';

/**
 * Where `npm run build` puts the console: dist/console beside the compiled API
 * (dist/apps/api/src → dist/console), or under dist/ when the API runs from source (tests).
 * VAFA_CONSOLE_DIR points elsewhere.
 */
export function consoleDirectory(): string {
  const fromEnv = process.env.VAFA_CONSOLE_DIR;
  if (fromEnv) {
    return resolve(fromEnv);
  }
  const besideBuild = resolve(__dirname, '../../../console');
  return existsSync(besideBuild) ? besideBuild : resolve(__dirname, '../../../dist/console');
}

const errorBody = (code: string, message: string) => ({ error: { code, message } });

/**
 * Serves the built console at /console: hashed assets cached for a year, index.html never
 * cached (so a new build is picked up), and every other path under /console answered with
 * index.html so deep links reload into the app. Nothing outside /console is touched.
 */
export function serveConsole(app: NestExpressApplication, directory = consoleDirectory()): void {
  const indexHtml = join(directory, 'index.html');
  app.use(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.originalUrl === CONSOLE_PATH || req.originalUrl.startsWith(`${CONSOLE_PATH}?`)) {
      res.redirect(301, `${CONSOLE_PATH}/${req.originalUrl.slice(CONSOLE_PATH.length)}`);
      return;
    }
    if (!existsSync(indexHtml)) {
      res
        .status(503)
        .json(
          errorBody(
            'CONSOLE_NOT_BUILT',
            'The web console has not been built: run `npm run build` (or `npm start`, which builds it).',
          ),
        );
      return;
    }
    next();
  });
  app.useStaticAssets(directory, {
    prefix: CONSOLE_PATH,
    index: false,
    redirect: false,
    setHeaders: (res: Response, path: string) => {
      res.setHeader(
        'Cache-Control',
        path.includes(`${join(directory, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  app.use(CONSOLE_PATH, (req: Request, res: Response) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).json(errorBody('METHOD_NOT_ALLOWED', 'The console only answers GET.'));
      return;
    }
    // A missing hashed file is an old build's, not a page: answering HTML would break the app.
    if (req.path.startsWith('/assets/')) {
      res.status(404).json(errorBody('NOT_FOUND', `No console file at ${req.originalUrl}.`));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
