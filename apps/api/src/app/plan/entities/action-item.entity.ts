import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Theme } from './theme.entity';

/** One action item of the plan (A1-1 … C1-12), with the source's plan and target texts. */
@Entity('action_item')
@Index(['planId', 'code'], { unique: true })
export class ActionItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'theme_id', type: 'uuid' })
  themeId: string;

  @ManyToOne(() => Theme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'theme_id' })
  theme?: Theme;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'title_ja', type: 'text' })
  titleJa: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ name: 'plan2019_ja', type: 'text' })
  plan2019Ja: string;

  @Column({ name: 'plan2019_en', type: 'text' })
  plan2019En: string;

  @Column({ name: 'plan2020_ja', type: 'text', nullable: true })
  plan2020Ja: string | null;

  @Column({ name: 'plan2020_en', type: 'text', nullable: true })
  plan2020En: string | null;

  @Column({ name: 'target2021_ja', type: 'text' })
  target2021Ja: string;

  @Column({ name: 'target2021_en', type: 'text' })
  target2021En: string;

  @Column({ name: 'division_ja', type: 'text' })
  divisionJa: string;

  @Column({ name: 'division_en', type: 'text' })
  divisionEn: string;

  @Column({ type: 'int' })
  sort: number;
}
