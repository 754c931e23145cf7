import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistrationSource, RegistrationStatus } from '@chamber/contracts';
import { PersonColumns } from '../../common/person-columns';
import { ChamberEvent } from './event.entity';

/** One person's place at an event: registered, waitlisted, cancelled or attended (the person: PersonColumns). */
@Entity('registration')
// one live registration per email and event; a cancelled one does not block signing up again
@Index('registration_event_email_uq', ['eventId', 'email'], { unique: true, where: `status <> 'cancelled'` })
@Index('registration_event_status_idx', ['eventId', 'status', 'waitlistSeq'])
@Index('registration_user_idx', ['userId'])
@Index('registration_member_idx', ['memberId'])
@Index('registration_email_idx', ['email'])
export class Registration extends PersonColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => ChamberEvent, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: ChamberEvent;

  @Column({ type: 'text' })
  status: RegistrationStatus;

  /** arrival order on the waitlist; the position shown is the rank among those still waiting */
  @Column({ name: 'waitlist_seq', type: 'int', nullable: true })
  waitlistSeq: number | null;

  /** searchKey(name)|searchKey(kana)|email: kana-, width- and space-insensitive roster search */
  @Column({ name: 'search_key', type: 'text' })
  searchKey: string;

  @Column({ type: 'text' })
  source: RegistrationSource;

  /** the account that made the registration (null for the public form) */
  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy: string | null;

  @Column({ type: 'text', nullable: true })
  school: string | null;

  @Column({ name: 'graduation_year', type: 'int', nullable: true })
  graduationYear: number | null;

  /** SHA-256 of the public self-cancel token (derived from the id: common/link-tokens.ts; never stored) */
  @Column({ name: 'cancel_token_hash', type: 'text', nullable: true, unique: true })
  cancelTokenHash: string | null;

  /** SHA-256 of what the QR code holds (derived from the id, never stored); staff scan it to check in */
  @Column({ name: 'check_in_token_hash', type: 'text', unique: true })
  checkInTokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true })
  checkedInBy: string | null;

  /** the device whose scan is the check-in kept (offline sync); null for a check-in made online */
  @Column({ name: 'checked_in_device', type: 'text', nullable: true })
  checkedInDevice: string | null;
}
