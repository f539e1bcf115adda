import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { HostileInputGuard } from './hostile-input.guard';

/**
 * Bad input is a 400, never a 500: refused at the edge here, and when it slips through to SQL
 * by HttpExceptionFilter (a PostgreSQL data exception answers VALIDATION_FAILED).
 */
@Module({
  providers: [{ provide: APP_GUARD, useClass: HostileInputGuard }],
})
export class InputSafetyModule {}
