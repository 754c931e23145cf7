import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { SuggestionCategory, SuggestionStatus } from '@chamber/contracts';
import { UserAccount } from '../../auth/entities/user-account.entity';

/**
 * One suggestion in the box (目安箱). Who posted it lives here only when the poster chose to be
 * named (`named_poster_id`); an anonymous suggestion has no link to its poster anywhere in the
 * database: its poster follows it with a receipt (only its hash here), its daily cap counts under a
 * keyed hash of account and day (`suggestion_quota`), and a retried post is recognised by a keyed
 * hash of account and Idempotency-Key (`idempotency_hash`, cleared after a day).
 */
@Entity('suggestion')
@Index('suggestion_status_created_idx', ['status', 'createdAt'])
@Index('suggestion_fiscal_year_idx', ['receivedFiscalYear'])
@Check('suggestion_status_check', `"status" IN ('received', 'in_review', 'answered')`)
@Check('suggestion_category_check', `"category" IN ('events', 'services', 'membership', 'website', 'other')`)
@Check('suggestion_named_check', `NOT ("anonymous" AND "named_poster_id" IS NOT NULL)`)
export class Suggestion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  category: SuggestionCategory;

  /** plain text as typed; shown escaped everywhere */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean' })
  anonymous: boolean;

  /** the poster of a named suggestion; always null when anonymous */
  @Column({ name: 'named_poster_id', type: 'uuid', nullable: true })
  namedPosterId: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'named_poster_id' })
  namedPoster?: UserAccount | null;

  @Column({ type: 'text', default: 'received' })
  status: SuggestionStatus;

  @Column({ type: 'text', nullable: true })
  division: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserAccount | null;

  @Column({ name: 'answer_body', type: 'text', nullable: true })
  answerBody: string | null;

  @Column({ name: 'answer_public', type: 'boolean', default: false })
  answerPublic: boolean;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answered_by_id', type: 'uuid', nullable: true })
  answeredById: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'answered_by_id' })
  answeredBy?: UserAccount | null;

  /** fiscal year of receipt (Asia/Tokyo): the FY whose C1-4 answer rate this suggestion counts in */
  @Column({ name: 'received_fiscal_year', type: 'int' })
  receivedFiscalYear: number;

  /** anonymous only: sha256 hex of the receipt token (common/link-tokens.ts 'suggestion_receipt') */
  @Index('suggestion_receipt_uq', { unique: true })
  @Column({ name: 'receipt_hash', type: 'text', nullable: true })
  receiptHash: string | null;

  /** anonymous only, for a day: HMAC of account and Idempotency-Key, to answer a retry the same */
  @Index('suggestion_idempotency_uq', { unique: true })
  @Column({ name: 'idempotency_hash', type: 'text', nullable: true })
  idempotencyHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
