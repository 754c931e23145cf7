import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CheckInSyncOutcome } from '@chamber/contracts';

/**
 * The answer given to one item of an offline check-in sync, kept by (event, clientId): the same
 * item sent again (a retry after a lost answer) answers the same result and changes nothing.
 */
@Entity('check_in_sync_result')
export class CheckInSyncResult {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'check_in_sync_result_pk' })
  eventId: string;

  @PrimaryColumn({ name: 'client_id', type: 'text', primaryKeyConstraintName: 'check_in_sync_result_pk' })
  clientId: string;

  @Column({ name: 'device_id', type: 'text' })
  deviceId: string;

  @Column({ type: 'text' })
  outcome: CheckInSyncOutcome;

  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  /** as the device sent it */
  @Column({ name: 'scanned_at', type: 'timestamptz' })
  scannedAt: Date;

  /** the answer's time and device of the check-in kept */
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'first_device_id', type: 'text', nullable: true })
  firstDeviceId: string | null;

  @Column({ name: 'synced_by', type: 'uuid', nullable: true })
  syncedBy: string | null;

  @CreateDateColumn({ name: 'synced_at', type: 'timestamptz' })
  syncedAt: Date;
}
