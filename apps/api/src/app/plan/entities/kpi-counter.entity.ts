import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from '../../common/transformers';

/** Running sum of the ledger per (action item, measure, fiscal year): what dashboards read. */
@Entity('kpi_counter')
export class KpiCounter {
  @PrimaryColumn({ name: 'action_item_code', type: 'text' })
  actionItemCode: string;

  @PrimaryColumn({ type: 'text' })
  measure: string;

  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear: number;

  @Column({ type: 'numeric', precision: 18, scale: 6, default: 0, transformer: numericTransformer })
  value: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
