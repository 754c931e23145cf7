import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { UserAccount } from '../../auth/entities/user-account.entity';
import { Suggestion } from './suggestion.entity';

/**
 * Who posted a suggestion, named or anonymous: the link that lets a poster list their own. Only
 * queries filtered by the caller's own user id read it (never a staff list, detail, CSV or mail).
 */
@Entity('suggestion_author')
@Index('suggestion_author_user_idx', ['userId', 'postedAt'])
export class SuggestionAuthor {
  @PrimaryColumn({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  @OneToOne(() => Suggestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'suggestion_id' })
  suggestion?: Suggestion;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserAccount;

  /** for the per-user daily cap */
  @Column({ name: 'posted_at', type: 'timestamptz', default: () => 'now()' })
  postedAt: Date;
}
