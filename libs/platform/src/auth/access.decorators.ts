import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { errorResponse } from '../http/api-errors';
import type { Principal, StaffRole } from './principal';

export const ACCESS_KEY = 'vafa:access';

export type Access =
  { kind: 'public' } | { kind: 'staff'; roles: StaffRole[] } | { kind: 'member' };

const secured = (access: Access, description: string): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, access),
    ApiBearerAuth(),
    ApiResponse(errorResponse(401, ['UNAUTHORIZED'])),
    ApiResponse(errorResponse(403, ['FORBIDDEN'], description)),
  );

/** Staff endpoint for the given roles; `admin` may always call it. */
export const Roles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  secured(
    { kind: 'staff', roles },
    `Requires a staff key with role: ${['admin', ...roles].join(', ')}`,
  );

/** The member's own API: only a member token, and only for that member's data. */
export const MemberOnly = (): MethodDecorator & ClassDecorator =>
  secured({ kind: 'member' }, 'Requires a member token');

/** Operational endpoints (health, metrics, docs) that need no credentials. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'public' });

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<Request & { user: Principal }>().user,
);
