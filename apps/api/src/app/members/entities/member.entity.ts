import {
  BeforeInsert,
  BeforeUpdate,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { MemberStatus, Ward } from '@chamber/contracts';
import { memberSearchKey } from '@chamber/domain';

/** A member company of the chamber. */
@Entity('member')
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_kana', type: 'text' })
  nameKana: string;

  /** 法人番号: 13 digits with a valid check digit; unique when given */
  @Index('UQ_member_corporate_number', { unique: true })
  @Column({ name: 'corporate_number', type: 'text', nullable: true })
  corporateNumber: string | null;

  @Column({ type: 'text', default: '' })
  representative: string;

  @Column({ name: 'representative_kana', type: 'text', default: '' })
  representativeKana: string;

  @Column({ name: 'postal_code', type: 'text', default: '' })
  postalCode: string;

  @Column({ type: 'text', default: '' })
  address: string;

  @Index('IDX_member_ward')
  @Column({ type: 'text', nullable: true })
  ward: Ward | null;

  @Column({ type: 'text', default: '' })
  industry: string;

  @Column({ type: 'int', nullable: true })
  employees: number | null;

  @Column({ type: 'text', default: '' })
  phone: string;

  @Column({ type: 'text', default: '' })
  email: string;

  @Column({ type: 'text', default: '' })
  website: string;

  /** 創業者: counted apart in A3-4-founders */
  @Column({ type: 'boolean', default: false })
  founder: boolean;

  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn: string | null;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @Index('IDX_member_status')
  @Column({ type: 'text', default: 'active' })
  status: MemberStatus;

  @Column({ type: 'text', default: '' })
  notes: string;

  /** memberSearchKey(name, nameKana, corporateNumber): kana-, width-, case- and space-insensitive */
  // Trigram (pg_trgm) where the server has it, a plain btree otherwise: made by the migration only.
  @Index('IDX_member_search_key', { synchronize: false })
  @Column({ name: 'search_key', type: 'text', default: '' })
  searchKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Saves through the ORM keep the key in step; bulk inserts set it themselves. */
  @BeforeInsert()
  @BeforeUpdate()
  protected refreshSearchKey(): void {
    if (this.name !== undefined && this.nameKana !== undefined)
      this.searchKey = memberSearchKey(this.name, this.nameKana, this.corporateNumber);
  }
}
