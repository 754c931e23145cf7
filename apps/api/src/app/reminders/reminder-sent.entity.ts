import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A reminder already sent for one registration or exam application: never twice. */
@Entity('reminder_sent')
export class ReminderSent {
  /** 'event' or 'exam' */
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @PrimaryColumn({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
