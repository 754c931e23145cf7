import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ChamberImageKind } from '@chamber/contracts';

/** An uploaded image of the chamber (logo, seal), checked before it is stored. */
@Entity('chamber_image')
@Check('chamber_image_kind', `"kind" IN ('logo', 'seal')`)
export class ChamberImage {
  @PrimaryColumn({ type: 'text' })
  kind: ChamberImageKind;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'bytea' })
  bytes: Buffer;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
