import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ExamApplicationChannel, ExamApplicationStatus, ExamFeeStatus, ExamResult } from '@chamber/contracts';
import { PersonColumns } from '../../common/person-columns';
import { numericTransformer } from '../../common/transformers';
import { ExamSitting } from './exam-sitting.entity';

/** One candidate's application to a sitting, with the examinee number, fee status and result (the person: PersonColumns). */
@Entity('exam_application')
@Index('exam_application_number_uq', ['sittingId', 'seq'], { unique: true })
@Index('exam_application_active_person_uq', ['sittingId', 'email', 'nameKana'], {
  unique: true,
  where: `status = 'applied'`,
})
@Index('exam_application_member_idx', ['memberId'])
@Index('exam_application_user_idx', ['userId'])
export class ExamApplication extends PersonColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'sitting_id', type: 'uuid' })
  sittingId: string;

  @ManyToOne(() => ExamSitting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sitting_id' })
  sitting?: ExamSitting;

  /** arrival order within the sitting, 1.. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'examinee_number', type: 'text', unique: true })
  examineeNumber: string;

  @Column({ type: 'text', default: 'applied' })
  status: ExamApplicationStatus;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** who sent the application (null for the public form) */
  @Column({ name: 'applied_by', type: 'uuid', nullable: true })
  appliedBy: string | null;

  @Column({ type: 'text' })
  channel: ExamApplicationChannel;

  /** the fee when applying, in yen */
  @Column({ type: 'int' })
  fee: number;

  @Column({ name: 'fee_status', type: 'text', default: 'unpaid' })
  feeStatus: ExamFeeStatus;

  /** for applicants without an account: SHA-256 of what cancels the application (derived, never stored) */
  @Column({ name: 'cancel_token_hash', type: 'text', nullable: true, unique: true })
  cancelTokenHash: string | null;

  @Column({ type: 'text', nullable: true })
  result: ExamResult | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  score: number | null;

  @Column({ name: 'result_recorded_at', type: 'timestamptz', nullable: true })
  resultRecordedAt: Date | null;

  /** the counters the current result moved (action item, fiscal year), so a change reverses exactly them */
  @Column({ name: 'counted_action_item_code', type: 'text', nullable: true })
  countedActionItemCode: string | null;

  @Column({ name: 'counted_fiscal_year', type: 'int', nullable: true })
  countedFiscalYear: number | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
