import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { Access, ACCESS_KEY } from './access.decorators';
import type { Principal } from './principal';

const unauthorized = (): DomainError =>
  new DomainError(401, 'UNAUTHORIZED', 'A valid API key or member token is required.');

/**
 * The global guard: every route must declare who may call it (@Roles, @MemberOnly or @Public);
 * a route that declares nothing is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) {
      throw new DomainError(403, 'ENDPOINT_NOT_GUARDED', 'This endpoint declares no access rule.');
    }
    if (access.kind === 'public') return true;
    await super.canActivate(context);
    const principal = context.switchToHttp().getRequest<Request & { user?: Principal }>().user;
    if (!principal) throw unauthorized();
    if (access.kind === 'member') {
      if (principal.kind !== 'member') {
        throw new DomainError(
          403,
          'FORBIDDEN',
          'This endpoint is for members, with a member token.',
        );
      }
      return true;
    }
    if (principal.kind !== 'staff') {
      throw new DomainError(403, 'FORBIDDEN', 'A member token reaches only /v1/me.');
    }
    if (principal.role !== 'admin' && !access.roles.includes(principal.role)) {
      throw new DomainError(403, 'FORBIDDEN', `The ${principal.role} role may not do this.`);
    }
    return true;
  }

  /**
   * A credential that does not check out is a 401; a failure while checking it (the database
   * is down) is not the caller's fault and goes to the exception filter as it is (a 503), so a
   * client never takes an outage for a revoked key.
   */
  override handleRequest<TUser = Principal>(error: unknown, user: TUser | false): TUser {
    if (error)
      throw error instanceof Error ? error : new Error('Authentication failed', { cause: error });
    if (!user) throw unauthorized();
    return user;
  }
}
