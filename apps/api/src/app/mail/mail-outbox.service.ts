import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Language } from '@chamber/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue.service';
import type { MailIntent, MailIntentRow } from './mail-intent';
import { MailRenderers } from './mail-renderers';
import { OutboxMail } from './outbox-mail.entity';

export const MAIL_JOB = 'mail.send';
/** Every minute: queue any mail that was committed but whose job was never created (a crash in between). */
export const MAIL_SWEEP_JOB = 'mail.sweep';

// A mail's job has the mail's id, so queuing it twice is harmless; the sweep leaves recent mails
// to the request that wrote them.
const UNQUEUED_MAILS_SQL = `
SELECT id FROM mail_outbox
WHERE status = 'pending' AND created_at < now() - interval '1 minute' AND created_at > now() - interval '7 days'
ORDER BY created_at LIMIT 1000`;

// the language of the first mail about each record (mail_outbox_related_idx)
const LANGUAGES_SQL = `
SELECT DISTINCT ON (related_id) related_id, lang FROM mail_outbox
WHERE related_id = ANY($1::text[]) ORDER BY related_id, created_at`;

/**
 * A mail's intent is written to the outbox in the transaction of the change that causes it, with a
 * queue job to send it (also in that transaction, or — for a change written in one statement — right
 * after it, with a sweep as the safety net). The job renders the mail from its intent and sends it,
 * retrying with backoff; after the last try the mail is marked failed and the job stays visible to
 * staff. Without SMTP, mails are kept for staff to read.
 */
@Injectable()
export class MailOutbox implements OnModuleInit {
  private readonly logger = new Logger('MailOutbox');
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly renderers: MailRenderers,
  ) {}

  onModuleInit(): void {
    if (!this.config.smtpUrl) return;
    this.transport = createTransport(this.config.smtpUrl);
    this.jobs.register<{ mailId: string }>(MAIL_JOB, (data, job) => this.send(data.mailId, job.retryCount), {
      retryLimit: this.config.jobRetryLimit,
    });
    this.jobs.register(MAIL_SWEEP_JOB, () => this.sweep(), { retryLimit: 0, cron: '* * * * *' });
  }

  /** The status a new mail starts in: sent by the queue, or kept for staff when there is no SMTP. */
  get newMailStatus(): 'pending' | 'kept' {
    return this.transport ? 'pending' : 'kept';
  }

  /**
   * Queue the sending of mails already committed with status newMailStatus (written by the caller's
   * own statement). Never fails the caller: a mail left unqueued is picked up by the sweep.
   */
  dispatch(mailIds: string[]): void {
    if (!this.transport || !mailIds.length) return;
    this.jobs
      .insert(
        MAIL_JOB,
        mailIds.map((id) => ({ id, data: { mailId: id } })),
      )
      .catch((e: unknown) => this.logger.warn(`mail jobs not queued, the sweep will: ${(e as Error).message}`));
  }

  /** Queue the mails committed over a minute ago that are still unsent: run every minute. */
  async sweep(): Promise<void> {
    const rows = (await this.dataSource.query(UNQUEUED_MAILS_SQL)) as { id: string }[];
    await this.jobs.insert(
      MAIL_JOB,
      rows.map((r) => ({ id: r.id, data: { mailId: r.id } })),
    );
  }

  /**
   * Queue mail inside the caller's transaction: it exists, and is sent, only if the change commits.
   * An intent without a language is written in the language of the first mail about the same record
   * (a registration's confirmation was written in the form's language: its cancellation, promotion
   * and reminder follow it), else in Japanese.
   */
  async enqueue(manager: EntityManager, ...intents: MailIntent[]): Promise<void> {
    if (!intents.length) return;
    const sending = Boolean(this.transport);
    const inherited = await this.languagesOf(
      manager,
      intents.filter((m) => !m.lang && m.relatedId).map((m) => m.relatedId!),
    );
    const result = await manager.insert(
      OutboxMail,
      intents.map((m) => ({
        toAddress: m.to,
        kind: m.kind,
        relatedId: m.relatedId,
        lang: m.lang ?? (m.relatedId ? inherited.get(m.relatedId) : undefined) ?? 'ja',
        // jsonb: TypeORM's insert type can't express an open record
        params: (m.params ?? {}) as never,
        status: sending ? ('pending' as const) : ('kept' as const),
      })),
    );
    if (!sending) return;
    const ids = result.identifiers.map((i) => String(i['id']));
    await this.jobs.insert(
      MAIL_JOB,
      ids.map((id) => ({ id, data: { mailId: id } })),
      manager,
    );
  }

  private async languagesOf(manager: EntityManager, relatedIds: string[]): Promise<Map<string, Language>> {
    if (!relatedIds.length) return new Map();
    const rows = (await manager.query(LANGUAGES_SQL, [[...new Set(relatedIds)]])) as {
      related_id: string;
      lang: Language;
    }[];
    return new Map(rows.map((r) => [r.related_id, r.lang]));
  }

  /** The mail an outbox row stands for, rendered now from its intent. */
  render(row: OutboxMail) {
    return this.renderers.render(intentOf(row), this.dataSource.manager);
  }

  /** One try at rendering and sending one mail; throws so that the queue retries. */
  private async send(mailId: string, retryCount: number): Promise<void> {
    const repo = this.dataSource.getRepository(OutboxMail);
    const row = await repo.findOneBy({ id: mailId });
    if (!row || row.status === 'sent') return;
    try {
      const mail = await this.render(row);
      await this.transport!.sendMail({
        from: this.config.mailFrom,
        to: row.toAddress,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        attachments: mail.attachments,
      });
      await repo.update(row.id, {
        status: 'sent',
        sentAt: new Date(),
        attempts: row.attempts + 1,
        lastError: null,
        subject: mail.subject,
      });
    } catch (e) {
      const last = retryCount >= this.config.jobRetryLimit;
      await repo.update(row.id, {
        attempts: row.attempts + 1,
        status: last ? 'failed' : 'pending',
        lastError: e instanceof Error ? e.message.slice(0, 500) : 'send failed',
      });
      this.logger.warn(`mail ${row.id} not sent (try ${retryCount + 1})`);
      throw e;
    }
  }
}

function intentOf(row: OutboxMail): MailIntentRow {
  return {
    id: row.id,
    kind: row.kind,
    toAddress: row.toAddress,
    relatedId: row.relatedId,
    lang: row.lang,
    params: row.params,
  };
}
