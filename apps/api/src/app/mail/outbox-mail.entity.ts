import type { Language } from '@chamber/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'kept';

/**
 * Mail to send, written in the transaction of the change that causes it (a registration, an
 * answer): it goes out only if that change commits. The row holds the intent — kind, record,
 * recipient, language, parameters — and the mail is rendered when it is sent, so a retry sends the
 * same mail and no rendered text (or token) is stored. With no SMTP configured it is kept, and
 * staff can read it (tokens hidden) in development.
 */
@Entity('mail_outbox')
@Index('mail_outbox_pending_idx', ['status', 'nextAttemptAt'])
@Index('mail_outbox_related_idx', ['relatedId'])
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  /** what it is about: registration_confirmed, event_cancelled, … (a renderer per kind) */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'related_id', type: 'text', nullable: true })
  relatedId: string | null;

  @Column({ type: 'text', default: 'ja' })
  lang: Language;

  /** what the renderer cannot read from the record (a waitlist position, a reason, a staff text) */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, unknown>;

  /** the subject as it went out, recorded when sent */
  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
