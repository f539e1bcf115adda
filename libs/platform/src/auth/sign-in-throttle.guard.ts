import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerOptions } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tooManySignInAttempts } from '../platform.errors';

const MINUTE_MS = 60_000;
export const SIGN_IN_LIMIT_PER_EMAIL = 5;
export const SIGN_IN_LIMIT_PER_ADDRESS = 20;

const emailOf = (request: FastifyRequest): string | undefined => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : undefined;
};

/**
 * Sign-in attempts, right or wrong, per email and per client address (behind proxies, as
 * VAFA_TRUST_PROXY tells), in this process's memory: a minute's window, and past the limit
 * blocked for a minute.
 */
export const SIGN_IN_THROTTLERS: ThrottlerOptions[] = [
  {
    name: 'sign-in-email',
    ttl: MINUTE_MS,
    limit: SIGN_IN_LIMIT_PER_EMAIL,
    getTracker: (request) => emailOf(request as FastifyRequest) ?? '',
    // A body without an email is refused as bad input; the address limit still counts it.
    skipIf: (context) => emailOf(context.switchToHttp().getRequest<FastifyRequest>()) === undefined,
  },
  { name: 'sign-in-address', ttl: MINUTE_MS, limit: SIGN_IN_LIMIT_PER_ADDRESS },
];

/** Applied to POST /v1/auth/session only; answers 429 TOO_MANY_SIGN_IN_ATTEMPTS with Retry-After. */
@Injectable()
export class SignInThrottleGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(limit.timeToBlockExpire));
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('Retry-After', String(retryAfter));
    return Promise.reject(tooManySignInAttempts(retryAfter));
  }
}
