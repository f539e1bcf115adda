import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { validationFailed } from '../platform.errors';
import { findHostileInput } from './hostile-input';

/**
 * Refuses, with 400, a request whose body, query or path parameters hold what no handler should
 * meet (see `findHostileInput`), before validation and handlers recurse into it or hand it to
 * PostgreSQL. A guard rather than a middleware because path parameters exist only once routed.
 */
@Injectable()
export class HostileInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    for (const [name, part] of [
      ['body', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const found = findHostileInput(part, name);
      if (found) {
        throw validationFailed(`${found.field} ${found.problem}.`, [
          { field: found.field, problems: [found.problem] },
        ]);
      }
    }
    return true;
  }
}
