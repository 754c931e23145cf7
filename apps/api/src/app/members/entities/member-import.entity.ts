import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One committed CSV import: the source of its members_joined ledger rows. */
@Entity('member_import')
export class MemberImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  rows: number;

  @Column({ type: 'int' })
  imported: number;

  @Column({ type: 'int' })
  duplicates: number;

  @Column({ type: 'int' })
  skipped: number;

  @Column({ type: 'text' })
  encoding: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
