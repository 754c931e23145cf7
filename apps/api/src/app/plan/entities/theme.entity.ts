import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pillar } from './pillar.entity';

@Entity('theme')
@Index(['planId', 'code'], { unique: true })
export class Theme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'pillar_id', type: 'uuid' })
  pillarId: string;

  @ManyToOne(() => Pillar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pillar_id' })
  pillar?: Pillar;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_ja', type: 'text' })
  nameJa: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'int' })
  sort: number;
}
