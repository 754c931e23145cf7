import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from '../auth/entities/user-account.entity';

/** The version of an account's secret calendar feed URL (the URL is derived, never stored). */
@Entity('calendar_feed')
export class CalendarFeed {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'calendar_feed_user_fk' })
  user?: UserAccount;

  @Column({ type: 'int', default: 0 })
  version: number;

  @Column({ name: 'rotated_at', type: 'timestamptz', default: () => 'now()' })
  rotatedAt: Date;
}
