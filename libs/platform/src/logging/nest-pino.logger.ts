import { Inject, Injectable, LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from './root-logger';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger interface over pino. Nest passes the logger's context as the last argument; a
 * first argument that is an object is merged into the line (`logger.error({err}, 'message')`).
 * A line about a request names it in a `req` field (`requestFieldsOf`).
 */
@Injectable()
export class NestPinoLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) {
      return;
    }
    const fields: Record<string, unknown> = {};
    const rest = params.slice(0, -1);
    if (params.length > 0) {
      fields.context = params[params.length - 1];
    }
    if (message instanceof Error) {
      this.root[level]({ ...fields, err: message }, ...(rest as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      this.root[level]({ ...fields, ...message }, ...(rest as [string?]));
    } else if (level === 'error' && typeof rest[0] === 'string' && rest[0].includes('\n    at ')) {
      // Nest's own exception handlers pass (message, stack, context).
      const err = new Error(String(message));
      err.stack = rest[0];
      this.root.error({ ...fields, err });
    } else {
      this.root[level](fields, String(message));
    }
  }
}
