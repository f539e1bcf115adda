import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/** The largest body the API reads (Express's JSON parser default, which the API always had). */
export const BODY_LIMIT_BYTES = 100 * 1024;

const notJson = () => new BadRequestException('The request body is not valid JSON.');

/** `{` or `[` after optional JSON whitespace. */
function startsWithObjectOrArray(body: Buffer): boolean {
  for (const byte of body) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) {
      continue;
    }
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

/**
 * JSON bodies as the API has always read them: an empty body is `{}` (a common client mistake
 * that never was an error), only an object or an array is a body (a bare `null`, string or
 * number is refused), and `__proto__` / `constructor.prototype` keys are refused. Failures are
 * 400 VALIDATION_FAILED through the exception filter.
 */
export function parseJsonLikeExpress(app: NestFastifyApplication): void {
  const parse = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>(
    'application/json',
    { bodyLimit: BODY_LIMIT_BYTES },
    (request, body, done) => {
      if (body.length === 0) {
        done(null, {});
        return;
      }
      if (!startsWithObjectOrArray(body)) {
        done(notJson(), undefined);
        return;
      }
      void parse(request, body.toString('utf8'), (error, parsed) =>
        error ? done(notJson(), undefined) : done(null, parsed),
      );
    },
  );
}
