import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { OutboxMail } from './outbox-mail.entity';

/** Staff can see the outbox: what was sent, what failed, and (without SMTP) what was kept. */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('mails')
export class MailController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles('staff', 'admin')
  @Get()
  list(@Query('relatedId') relatedId?: string, @Query('status') status?: string): Promise<OutboxMail[]> {
    const where: Record<string, string> = {};
    if (relatedId) where['relatedId'] = relatedId.slice(0, 100);
    if (status) where['status'] = status.slice(0, 20);
    return this.dataSource.getRepository(OutboxMail).find({ where, order: { createdAt: 'DESC' }, take: 200 });
  }
}
