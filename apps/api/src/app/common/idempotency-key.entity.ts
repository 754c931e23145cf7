import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A retried write with the same Idempotency-Key replays the first answer. */
@Entity('idempotency_key')
export class IdempotencyKey {
  /** who sent it (user id or client address) and the route */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  /** SHA-256 of the first request's body: another body with the same key is refused (422) */
  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
