import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log.repository';
import { AuditLogController } from './audit-log.controller';
import { AuditLogReads } from './audit-log.query';

/** The audit log of configuration changes: the recorder every configuring service writes with. */
@Module({
  controllers: [AuditLogController],
  providers: [AuditLog, AuditLogReads],
  exports: [AuditLog],
})
export class AuditModule {}
