import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../common/transformers';

/**
 * The KPI ledger: every change the plan counts, append-only. Counters are a cache of it, keyed by
 * action-item code, measure and fiscal year (not by plan: a plan is a lens over its own period).
 */
@Entity('kpi_ledger')
@Index('kpi_ledger_key_idx', ['actionItemCode', 'measure', 'fiscalYear'])
@Index('kpi_ledger_source_idx', ['sourceType', 'sourceId'])
export class KpiLedgerEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'action_item_code', type: 'text' })
  actionItemCode: string;

  @Column({ type: 'text' })
  measure: string;

  @Column({ name: 'fiscal_year', type: 'int' })
  fiscalYear: number;

  @Column({ type: 'numeric', precision: 18, scale: 6, transformer: numericTransformer })
  delta: number;

  /** what caused it: registration, check_in, outcome, consultation, manual, seed, … */
  @Column({ name: 'source_type', type: 'text' })
  sourceType: string;

  @Column({ name: 'source_id', type: 'text', nullable: true })
  sourceId: string | null;

  /** manual entries name the KPI they were made on */
  @Column({ name: 'kpi_id', type: 'uuid', nullable: true })
  kpiId: string | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
