import { Column } from 'typeorm';

/**
 * The columns of one person who signs up (an event's participant, an exam's candidate): the
 * entities extend it, so the columns stay in their own tables under the same names.
 */
export abstract class PersonColumns {
  @Column({ type: 'text' })
  name: string;

  /** katakana */
  @Column({ name: 'name_kana', type: 'text' })
  nameKana: string;

  /** stored lower-case */
  @Column({ type: 'text' })
  email: string;

  /** the member company, when a member or its contact signed the person up */
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  /** the person's own account, when they signed up themselves */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;
}
