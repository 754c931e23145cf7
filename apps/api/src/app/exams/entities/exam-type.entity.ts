import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ExamGradeRecord {
  code: string;
  /** the grade's part of a sitting code: `2`, `B` (初級), `D1` (文書作成1級) */
  short: string;
  ja: string;
  en: string;
}

/** The exam catalogue (日商簿記, 珠算, 販売士, 日商PC), seeded by a migration. */
@Entity('exam_type')
export class ExamType {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'name_ja', type: 'text' })
  nameJa: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  /** the exam's part of a sitting code: `BK`, `SZ`, `RM`, `PC` */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'jsonb' })
  grades: ExamGradeRecord[];

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
