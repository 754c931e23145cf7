import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@chamber/contracts';

@Entity('user_account')
export class UserAccount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** stored lower-case; unique */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  /** the member company of a member or member_admin (named, not imported: members sits above auth) */
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  @ForeignKey('Member', { onDelete: 'RESTRICT' })
  memberId: string | null;

  @Column({ name: 'display_name', type: 'text', default: '' })
  displayName: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** the TOTP secret, sealed (auth/totp.ts); shown once at enrolment, never stored in clear */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret: string | null;

  /** set once a code of the enrolled secret was confirmed: from then on log-in asks for one */
  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
