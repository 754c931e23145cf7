import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Member } from './member.entity';

/**
 * The first entry of a kind (a consultation kind, or 'visit') for a company in a fiscal year. Its
 * primary key decides, under concurrency, which entry moves the distinct-company counters:
 * INSERT … ON CONFLICT DO NOTHING RETURNING answers for exactly one transaction.
 */
@Entity('member_fiscal_activity')
export class MemberFiscalActivity {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear: number;

  @Column({ name: 'first_source_id', type: 'uuid' })
  firstSourceId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
