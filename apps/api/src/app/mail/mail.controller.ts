import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { MailOutbox } from './mail-outbox.service';
import { redacted } from './mail-renderers';
import { OutboxMail, OutboxStatus } from './outbox-mail.entity';

/** A mail in the staff list: what went (or will go) out, with the tokens of its links hidden. */
export interface OutboxMailView {
  id: string;
  kind: string;
  relatedId: string | null;
  toAddress: string;
  lang: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  subject: string;
  bodyText: string;
  /** the HTML part, tokens hidden like the text's */
  bodyHtml: string | null;
}

/** Staff can see the outbox: what was sent, what failed, and (without SMTP) what was kept. */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('mails')
export class MailController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: MailOutbox,
  ) {}

  /** Mails sent and queued (tokens hidden) */
  @Roles('staff', 'admin')
  @Get()
  async list(@Query('relatedId') relatedId?: string, @Query('status') status?: string): Promise<OutboxMailView[]> {
    const where: Record<string, string> = {};
    if (relatedId) where['relatedId'] = relatedId.slice(0, 100);
    if (status) where['status'] = status.slice(0, 20);
    const rows = await this.dataSource
      .getRepository(OutboxMail)
      .find({ where, order: { createdAt: 'DESC' }, take: relatedId ? 200 : 100 });
    return Promise.all(rows.map((row) => this.view(row)));
  }

  private async view(row: OutboxMail): Promise<OutboxMailView> {
    let shown: { subject: string; text: string; html: string | null };
    try {
      shown = redacted(await this.outbox.render(row));
    } catch {
      // the record it was about is gone (erased): the list still shows that it was sent
      shown = { subject: row.subject ?? '', text: '', html: null };
    }
    return {
      id: row.id,
      kind: row.kind,
      relatedId: row.relatedId,
      toAddress: row.toAddress,
      lang: row.lang,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      subject: row.subject ?? shown.subject,
      bodyText: shown.text,
      bodyHtml: shown.html,
    };
  }
}
