import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ExamAudience } from '@chamber/contracts';
import { ExamType } from './exam-type.entity';

/** One sitting of an exam and grade: a date, a venue, seats and an application window. */
@Entity('exam_sitting')
@Index('exam_sitting_starts_idx', ['startsAt'])
export class ExamSitting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** unique; the prefix of the sitting's examinee numbers */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ name: 'exam_code', type: 'text' })
  examCode: string;

  @ManyToOne(() => ExamType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'exam_code' })
  exam?: ExamType;

  @Column({ name: 'grade_code', type: 'text' })
  gradeCode: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ type: 'text' })
  venue: string;

  @Column({ type: 'int' })
  capacity: number;

  /** yen */
  @Column({ type: 'int' })
  fee: number;

  @Column({ type: 'text' })
  audience: ExamAudience;

  /** applications and the applicants' own cancellations are accepted until then */
  @Column({ name: 'application_closes_at', type: 'timestamptz' })
  applicationClosesAt: Date;

  @Column({ name: 'action_item_code', type: 'text', default: 'A1-7' })
  actionItemCode: string;

  @Column({ type: 'text', default: '' })
  note: string;

  /** seats held by applications not cancelled; moved only under the row lock */
  @Column({ name: 'applied_count', type: 'int', default: 0 })
  appliedCount: number;

  /** the last examinee sequence issued; numbers are never reused */
  @Column({ name: 'last_number', type: 'int', default: 0 })
  lastNumber: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** iCalendar SEQUENCE: raised by the database on every change a calendar shows (migration Calendars) */
  @Column({ name: 'ics_sequence', type: 'int', default: 0, insert: false, update: false })
  icsSequence: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
