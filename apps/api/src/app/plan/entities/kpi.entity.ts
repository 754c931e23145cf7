import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { KpiKind } from '@chamber/contracts';
import { numericTransformer } from '../../common/transformers';
import { ActionItem } from './action-item.entity';

/** One term of a KPI's sum: a measure (or prefix with ':*') of one action item (or '*', any). */
export interface KpiTerm {
  measure: string;
  actionItemCode?: string;
  sign?: 1 | -1;
}

export type KpiBaseline = { previous: true } | { fiscalYear: number };

@Entity('kpi')
@Index(['planId', 'code'], { unique: true })
export class Kpi {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'action_item_id', type: 'uuid' })
  actionItemId: string;

  @ManyToOne(() => ActionItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_item_id' })
  actionItem?: ActionItem;

  @Column({ name: 'action_item_code', type: 'text' })
  actionItemCode: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'label_ja', type: 'text' })
  labelJa: string;

  @Column({ name: 'label_en', type: 'text' })
  labelEn: string;

  @Column({ type: 'text' })
  kind: KpiKind;

  @Column({ type: 'numeric', precision: 18, scale: 6, nullable: true, transformer: numericTransformer })
  target: number | null;

  @Column({ type: 'text' })
  unit: string;

  /** ratio KPIs: 'plan' (period to date) or 'fiscal_year' */
  @Column({ name: 'ratio_window', type: 'text', nullable: true })
  ratioWindow: 'plan' | 'fiscal_year' | null;

  @Column({ type: 'jsonb' })
  numerator: KpiTerm[];

  @Column({ type: 'jsonb', nullable: true })
  denominator: KpiTerm[] | null;

  @Column({ type: 'jsonb', nullable: true })
  baseline: KpiBaseline | null;

  @Column({ name: 'measure_note_ja', type: 'text', default: '' })
  measureNoteJa: string;

  @Column({ name: 'measure_note_en', type: 'text', default: '' })
  measureNoteEn: string;

  @Column({ type: 'int' })
  sort: number;
}
