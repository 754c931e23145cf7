import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'kept';

/**
 * Mail to send, written in the transaction of the change that causes it (a registration, an
 * answer): it goes out only if that change commits. A worker sends it; with no SMTP configured
 * it is kept, and staff can read it in development.
 */
@Entity('mail_outbox')
@Index('mail_outbox_pending_idx', ['status', 'nextAttemptAt'])
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  /** what it is about, for staff lists: registration_confirmed, event_cancelled, … */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'related_id', type: 'text', nullable: true })
  relatedId: string | null;

  /** optional attachments: [{filename, contentType, base64}] */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: { filename: string; contentType: string; base64: string }[];

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
