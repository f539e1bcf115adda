import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DataExceptionInterceptor } from './data-exception.interceptor';
import { HostileInputGuard } from './hostile-input.guard';

/** Bad input is a 400, never a 500: refused at the edge, and when it slips through to SQL. */
@Module({
  providers: [
    { provide: APP_GUARD, useClass: HostileInputGuard },
    { provide: APP_INTERCEPTOR, useClass: DataExceptionInterceptor },
  ],
})
export class InputSafetyModule {}
