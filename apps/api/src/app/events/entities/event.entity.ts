import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EventAudience, EventKind, EventStatus } from '@chamber/contracts';

/**
 * An event of the chamber. Its row is also the seat ledger: `taken` (registered + attended) and
 * `waitlist_count` move only under this row's lock, in the transaction of the registration,
 * cancellation or promotion that changes them.
 */
@Entity('event')
@Index('event_starts_at_idx', ['startsAt'])
export class ChamberEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: EventKind;

  @Column({ name: 'title_ja', type: 'text' })
  titleJa: string;

  @Column({ name: 'title_en', type: 'text', default: '' })
  titleEn: string;

  @Column({ name: 'description_ja', type: 'text', default: '' })
  descriptionJa: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn: string;

  /** the action item it serves: its counters move */
  @Column({ name: 'action_item_code', type: 'text' })
  actionItemCode: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text' })
  venue: string;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'text' })
  audience: EventAudience;

  @Column({ type: 'text', default: 'scheduled' })
  status: EventStatus;

  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  /** member gatherings: invitations sent (the measure `invited`) */
  @Column({ name: 'invited_count', type: 'int', nullable: true })
  invitedCount: number | null;

  /** seats held: registered + attended */
  @Column({ type: 'int', default: 0 })
  taken: number;

  @Column({ name: 'waitlist_count', type: 'int', default: 0 })
  waitlistCount: number;

  /** last waitlist sequence number handed out (arrival order) */
  @Column({ name: 'waitlist_seq', type: 'int', default: 0 })
  waitlistSeq: number;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** iCalendar SEQUENCE: raised by the database on every change a calendar shows (migration Calendars) */
  @Column({ name: 'ics_sequence', type: 'int', default: 0, insert: false, update: false })
  icsSequence: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
