import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { errorResponse } from '../http/api-errors';
import type { PlatformErrorCode } from '../platform.errors';
import type { Principal, StaffRole } from './principal';

export const ACCESS_KEY = 'vafa:access';

export type Access =
  { kind: 'public' } | { kind: 'staff'; roles: StaffRole[] } | { kind: 'member' };

/** The security scheme of the console's session cookie in the OpenAPI document. */
export const SESSION_COOKIE_AUTH = 'session';

const secured = (
  access: Access,
  description: string,
  forbidden: PlatformErrorCode[] = ['FORBIDDEN'],
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, access),
    ApiBearerAuth(),
    ...(access.kind === 'staff' ? [ApiCookieAuth(SESSION_COOKIE_AUTH)] : []),
    ApiResponse(errorResponse(401, ['UNAUTHORIZED'])),
    ApiResponse(errorResponse(403, forbidden, description)),
  );

const staffOnly = (roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  secured(
    { kind: 'staff', roles },
    `Requires a staff key or console session with role: ${['admin', ...roles].join(', ')}; ` +
      "a write with the session cookie also needs its X-CSRF-Token and, if it sends an Origin, this server's own",
    ['FORBIDDEN', 'CSRF_TOKEN_INVALID', 'CSRF_ORIGIN_MISMATCH'],
  );

/** Staff endpoint for the given roles; `admin` may always call it. */
export const Roles = (first: StaffRole, ...rest: StaffRole[]): MethodDecorator & ClassDecorator =>
  staffOnly([first, ...rest]);

/** Staff endpoint for admins only. */
export const AdminOnly = (): MethodDecorator & ClassDecorator => staffOnly([]);

/** The member's own API: only a member token, and only for that member's data. */
export const MemberOnly = (): MethodDecorator & ClassDecorator =>
  secured({ kind: 'member' }, 'Requires a member token');

/** Operational endpoints (health, metrics, docs) that need no credentials. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'public' });

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<FastifyRequest & { user: Principal }>().user,
);
