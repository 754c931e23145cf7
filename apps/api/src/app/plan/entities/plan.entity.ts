import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '@chamber/contracts';

export interface PlanPreamble {
  philosophy?: LocalizedText;
  aims?: LocalizedText[];
  policies?: LocalizedText[];
}

/** A mid-term action plan: a period of fiscal years with its pillars, themes, action items and KPIs. */
@Entity('plan')
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'name_ja', type: 'text' })
  nameJa: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'start_fiscal_year', type: 'int' })
  startFiscalYear: number;

  @Column({ name: 'end_fiscal_year', type: 'int' })
  endFiscalYear: number;

  @Column({ name: 'continued_from_id', type: 'uuid', nullable: true })
  continuedFromId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  preamble: PlanPreamble;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
