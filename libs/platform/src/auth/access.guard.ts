import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { endpointNotGuarded, forbidden, sessionEnded, unauthorized } from '../platform.errors';
import { Access, ACCESS_KEY } from './access.decorators';
import { isUnsafeMethod, requireCsrfToken, requireSameOrigin } from './csrf';
import type { Principal } from './principal';
import { clearSessionCookie, sessionTokenOf } from './session-cookie';
import { StaffSession, StaffSessionsRepository } from './staff-sessions.repository';

/** What the guard leaves on the request for the handlers. */
export type AuthenticatedRequest = FastifyRequest & {
  user?: Principal;
  staffSession?: StaffSession;
};

/**
 * The global guard: every route must declare who may call it (@Roles, @AdminOnly, @MemberOnly or
 * @Public); a route that declares nothing is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard extends AuthGuard('bearer') {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: StaffSessionsRepository,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) {
      throw endpointNotGuarded();
    }
    if (access.kind === 'public') {
      return true;
    }
    const principal = await this.authenticate(context);
    if (access.kind === 'member') {
      if (principal.kind !== 'member') {
        throw forbidden('This endpoint is for members, with a member token.');
      }
      return true;
    }
    if (principal.kind !== 'staff') {
      throw forbidden('A member token reaches only /v1/me.');
    }
    if (principal.role !== 'admin' && !access.roles.includes(principal.role)) {
      throw forbidden(`The ${principal.role} role may not do this.`);
    }
    return true;
  }

  /**
   * `Authorization: Bearer` (an API key or member token) when present; otherwise the console's
   * session cookie, whose writes must also pass the CSRF checks.
   */
  private async authenticate(context: ExecutionContext): Promise<Principal> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = request.headers.authorization ? undefined : sessionTokenOf(request);
    if (token === undefined) {
      await super.canActivate(context);
      if (!request.user) {
        throw unauthorized();
      }
      return request.user;
    }
    const found = await this.sessions.authenticate(token);
    if (!found) {
      clearSessionCookie(request, context.switchToHttp().getResponse<FastifyReply>());
      throw sessionEnded();
    }
    if (isUnsafeMethod(request)) {
      requireSameOrigin(request);
      requireCsrfToken(request, found.session.csrfToken);
    }
    request.user = found.principal;
    request.staffSession = found.session;
    return found.principal;
  }

  /**
   * A credential that does not check out is a 401; a failure while checking it (the database
   * is down) is not the caller's fault and goes to the exception filter as it is (a 503), so a
   * client never takes an outage for a revoked key.
   */
  override handleRequest<TUser = Principal>(error: unknown, user: TUser | false): TUser {
    if (error) {
      throw error instanceof Error ? error : new Error('Authentication failed', { cause: error });
    }
    if (!user) {
      throw unauthorized();
    }
    return user;
  }
}
