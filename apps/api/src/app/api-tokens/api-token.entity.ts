import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A key another system calls the API with (`Authorization: Bearer cpt_…`), named and scoped. Only
 * the SHA-256 of the token is kept (it is 32 random bytes: a slow hash adds nothing), so a reader
 * of the database cannot call the API with it. Revoking keeps the row so the audit trail still
 * names the token that wrote.
 */
@Entity('api_token')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  /** the admin who made it: the token acts in their name (registrations it writes, ledger rows) */
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** recorded at most once a minute */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
