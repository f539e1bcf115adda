import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log';

/** The audit log of configuration changes: the recorder every configuring service writes with. */
@Module({
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
