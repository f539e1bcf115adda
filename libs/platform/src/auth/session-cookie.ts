import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'vafa_session';

/** The session token the request's cookie carries, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) {
    return undefined;
  }
  const token = parseCookie(header)[SESSION_COOKIE];
  return token ? token : undefined;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure when
 * the request came over https (as seen through VAFA_TRUST_PROXY proxies), and kept by the
 * browser no longer than the session can live.
 */
export function setSessionCookie(
  request: FastifyRequest,
  response: FastifyReply,
  token: string,
  expiresAt: Date,
  now: Date,
): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  // Fastify adds each Set-Cookie to the ones already set rather than replacing them.
  void response.header('set-cookie', cookieText(request, token, maxAge));
}

export function clearSessionCookie(request: FastifyRequest, response: FastifyReply): void {
  void response.header('set-cookie', cookieText(request, '', 0));
}

const cookieText = (request: FastifyRequest, value: string, maxAge: number): string =>
  stringifySetCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    maxAge,
  });
