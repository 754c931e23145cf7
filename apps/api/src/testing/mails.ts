import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RenderedMail } from '../app/mail/mail-intent';
import { MailOutbox } from '../app/mail/mail-outbox.service';
import { OutboxMail } from '../app/mail/outbox-mail.entity';

export type MailAsSent = RenderedMail & { kind: string; toAddress: string; relatedId: string | null; status: string };

/** The mails queued about a record, rendered as the queue would send them (tokens included). */
export async function mailsAbout(app: INestApplication, relatedId: string): Promise<MailAsSent[]> {
  const outbox = app.get(MailOutbox);
  const rows = await app
    .get(DataSource)
    .getRepository(OutboxMail)
    .find({ where: { relatedId }, order: { createdAt: 'ASC' } });
  return Promise.all(
    rows.map(async (row) => ({
      ...(await outbox.render(row)),
      kind: row.kind,
      toAddress: row.toAddress,
      relatedId: row.relatedId,
      status: row.status,
    })),
  );
}
