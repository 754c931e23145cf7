import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CertificateDateStyle } from '@chamber/contracts';

/** The chamber's identity: one row (id 1), seeded by its migration. */
@Entity('chamber_profile')
@Check('chamber_profile_one_row', `"id" = 1`)
@Check('chamber_profile_date_style', `"certificate_date_style" IN ('western', 'japanese_era')`)
export class ChamberProfileRow {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ name: 'name_ja', type: 'text' })
  nameJa: string;

  @Column({ name: 'name_en', type: 'text', default: '' })
  nameEn: string;

  @Column({ name: 'postal_code', type: 'text', default: '' })
  postalCode: string;

  @Column({ name: 'address_ja', type: 'text', default: '' })
  addressJa: string;

  @Column({ name: 'address_en', type: 'text', default: '' })
  addressEn: string;

  @Column({ type: 'text', default: '' })
  phone: string;

  @Column({ type: 'text', default: '' })
  email: string;

  @Column({ type: 'text', default: '' })
  website: string;

  @Column({ name: 'president_title_ja', type: 'text', default: '会頭' })
  presidentTitleJa: string;

  @Column({ name: 'president_title_en', type: 'text', default: 'President' })
  presidentTitleEn: string;

  @Column({ name: 'president_name_ja', type: 'text', default: '' })
  presidentNameJa: string;

  @Column({ name: 'president_name_en', type: 'text', default: '' })
  presidentNameEn: string;

  @Column({ name: 'certificate_date_style', type: 'text', default: 'western' })
  certificateDateStyle: CertificateDateStyle;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;
}
