import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsultationKind } from '@chamber/contracts';
import { Member } from './member.entity';

/** One entry of the consultation log (経営指導). */
@Entity('member_consultation')
@Index('IDX_member_consultation_member_date', ['memberId', 'date'])
@Index('IDX_member_consultation_fy_kind', ['fiscalYear', 'kind'])
export class MemberConsultation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ type: 'text' })
  kind: ConsultationKind;

  /** the calendar date in Asia/Tokyo */
  @Column({ name: 'consulted_on', type: 'date' })
  date: string;

  @Column({ name: 'fiscal_year', type: 'int' })
  fiscalYear: number;

  @Column({ name: 'action_item_code', type: 'text' })
  actionItemCode: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn: string | null;

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId: string | null;

  @Column({ name: 'first_in_fiscal_year', type: 'boolean', default: false })
  firstInFiscalYear: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
