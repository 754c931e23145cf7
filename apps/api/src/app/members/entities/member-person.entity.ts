import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Member } from './member.entity';

/** A contact person of a member company (担当者). */
@Entity('member_person')
export class MemberPerson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_member_person_member')
  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_kana', type: 'text' })
  nameKana: string;

  @Column({ type: 'text', default: '' })
  email: string;

  @Column({ type: 'text', default: '' })
  phone: string;

  /** 役職・役割 (代表取締役, 総務担当, …) */
  @Column({ type: 'text', default: '' })
  role: string;

  @Column({ name: 'is_primary', type: 'boolean', default: false })
  primary: boolean;

  @Column({ name: 'user_account_id', type: 'uuid', nullable: true })
  userAccountId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
