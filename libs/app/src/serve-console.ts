import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

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

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The file under `directory` that `relative` names, if there is one (never outside it). */
function fileIn(directory: string, relative: string): string | undefined {
  const path = resolve(directory, relative);
  if (!path.startsWith(directory + sep)) {
    return undefined;
  }
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** A path that does not decode names no file: it is a deep link like any other. */
function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

/**
 * Serves the built console at /console: hashed assets cached for a year, index.html never
 * cached (so a new build is picked up), and every other path under /console answered with
 * index.html so deep links reload into the app. Nothing outside /console is touched.
 */
export function serveConsole(app: NestFastifyApplication, directory = consoleDirectory()): void {
  const root = resolve(directory);
  const indexHtml = join(root, 'index.html');
  const fastify = app.getHttpAdapter().getInstance();
  // Only `reply.sendFile` (ranges, ETag, HEAD): which file answers is decided below.
  void fastify.register(fastifyStatic, { root, serve: false, cacheControl: false });

  const answer = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const queryAt = request.url.indexOf('?');
    const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
    // The router ignores trailing slashes, so /console and /console/ both arrive here.
    if (path === CONSOLE_PATH) {
      return reply.redirect(`${CONSOLE_PATH}/${request.url.slice(CONSOLE_PATH.length)}`, 301);
    }
    if (!existsSync(indexHtml)) {
      return reply
        .status(503)
        .send(
          errorBody(
            'CONSOLE_NOT_BUILT',
            'The web console has not been built: run `npm run build` (or `npm start`, which builds it).',
          ),
        );
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply
        .status(405)
        .send(errorBody('METHOD_NOT_ALLOWED', 'The console only answers GET.'));
    }
    const relative = decoded(path.slice(CONSOLE_PATH.length + 1));
    const file = relative === '' ? undefined : fileIn(root, relative);
    if (file) {
      const isAsset = file.startsWith(join(root, 'assets') + sep);
      return reply.header('cache-control', isAsset ? IMMUTABLE : 'no-cache').sendFile(relative);
    }
    // A missing hashed file is an old build's, not a page: answering HTML would break the app.
    if (relative.startsWith('assets/')) {
      return reply.status(404).send(errorBody('NOT_FOUND', `No console file at ${request.url}.`));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  fastify.all(CONSOLE_PATH, answer);
  fastify.all(`${CONSOLE_PATH}/*`, answer);
}
