import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log';
import { AuditLogController } from './audit-log.controller';
import { AuditLogReader } from './audit-log-reader';

/** The audit log of configuration changes: the recorder every configuring service writes with. */
@Module({
  controllers: [AuditLogController],
  providers: [AuditLog, AuditLogReader],
  exports: [AuditLog],
})
export class AuditModule {}
