import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { csrfOriginMismatch, csrfTokenInvalid } from '../platform.errors';

export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (request: FastifyRequest): boolean =>
  !SAFE_METHODS.has(request.method);

/**
 * A browser sends an Origin header with every cross-origin request and most same-origin writes;
 * when present it must be this server's own (scheme and host as seen through trusted proxies).
 */
export function requireSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) {
    return;
  }
  if (origin !== `${request.protocol}://${request.host}`) {
    throw csrfOriginMismatch(origin);
  }
}

/**
 * A write made with the session cookie must also carry the session's CSRF token in
 * X-CSRF-Token: another site can make a browser send the cookie, but cannot read the token nor
 * set a custom header without this server's consent (CORS).
 */
export function requireCsrfToken(request: FastifyRequest, csrfToken: string): void {
  const sent = request.headers['x-csrf-token'];
  const expected = Buffer.from(csrfToken);
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw csrfTokenInvalid(CSRF_HEADER);
  }
}
