import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import type { FastifyRequest } from 'fastify';
import { sqlState } from '../database/transaction';
import { requestFieldsOf } from '../logging/request-logging';
import { validationFailed } from '../platform.errors';

export const DATA_EXCEPTION_MESSAGE = 'A value in the request is out of range or not valid.';

/** In PostgreSQL's class 22, "data exception", but a fault in our arithmetic, not in input. */
const NOT_FROM_INPUT = new Set(['22012']);

/** A value the column or cast cannot take: PostgreSQL's class 22, "data exception". */
function isDataException(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const state = sqlState(error);
  return typeof state === 'string' && /^22[0-9A-Z]{3}$/.test(state) && !NOT_FROM_INPUT.has(state);
}

/**
 * A data exception from PostgreSQL means a value reached SQL that validation should have
 * refused (out of range for its column, not a valid date or number): the caller's bad input,
 * so 400 rather than 500. Logged, because each one is a missing check in a DTO.
 */
@Injectable()
export class DataExceptionInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Input');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!isDataException(error)) {
          return throwError(() => error);
        }
        const req = requestFieldsOf(context.switchToHttp().getRequest<FastifyRequest>());
        this.logger.warn({ err: error, req }, 'input refused by PostgreSQL');
        return throwError(() => validationFailed(DATA_EXCEPTION_MESSAGE));
      }),
    );
  }
}
