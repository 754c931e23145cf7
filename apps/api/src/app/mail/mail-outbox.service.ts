import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OutboxMail } from './outbox-mail.entity';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  kind: string;
  relatedId?: string | null;
  attachments?: { filename: string; contentType: string; base64: string }[];
}

const MAX_ATTEMPTS = 5;

@Injectable()
export class MailOutbox implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('MailOutbox');
  private transport: Transporter | null = null;
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Queue mail inside the caller's transaction: it exists only if the change commits. */
  async enqueue(manager: EntityManager, ...messages: MailMessage[]): Promise<void> {
    if (!messages.length) return;
    await manager.insert(
      OutboxMail,
      messages.map((m) => ({
        toAddress: m.to,
        subject: m.subject,
        bodyText: m.text,
        kind: m.kind,
        relatedId: m.relatedId ?? null,
        attachments: m.attachments ?? [],
        status: this.config.smtpUrl ? ('pending' as const) : ('kept' as const),
      })),
    );
  }

  onModuleInit(): void {
    if (!this.config.smtpUrl) return;
    this.transport = createTransport(this.config.smtpUrl);
    this.timer = setInterval(() => void this.sendDue(), 2000);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Sends what is due; each row is claimed with SKIP LOCKED so several instances never send twice. */
  async sendDue(limit = 20): Promise<number> {
    if (!this.transport || this.running) return 0;
    this.running = true;
    let sent = 0;
    try {
      for (let i = 0; i < limit; i++) {
        const done = await this.dataSource.transaction(async (m) => {
          const [mail] = (await m.query(
            `SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          )) as { id: string }[];
          if (!mail) return false;
          const row = await m.findOneByOrFail(OutboxMail, { id: mail.id });
          try {
            await this.transport!.sendMail({
              from: this.config.mailFrom,
              to: row.toAddress,
              subject: row.subject,
              text: row.bodyText,
              attachments: row.attachments.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                content: Buffer.from(a.base64, 'base64'),
              })),
            });
            await m.update(OutboxMail, row.id, {
              status: 'sent',
              sentAt: new Date(),
              attempts: row.attempts + 1,
              lastError: null,
            });
            sent++;
          } catch (e) {
            const attempts = row.attempts + 1;
            await m.update(OutboxMail, row.id, {
              attempts,
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              lastError: e instanceof Error ? e.message.slice(0, 500) : 'send failed',
              nextAttemptAt: new Date(Date.now() + 2 ** attempts * 30_000),
            });
            this.logger.warn(`mail ${row.id} failed (attempt ${attempts})`);
          }
          return true;
        });
        if (!done) break;
      }
    } finally {
      this.running = false;
    }
    return sent;
  }
}
