import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit trail viewer (the rows are written by the interceptor and the use cases). */
@Module({
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditModule {}
