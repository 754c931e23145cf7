import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One staff or admin write: who, what route, which record. Never request bodies (personal data). */
@Entity('audit_log')
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_entity_idx', ['entity', 'at'])
@Index('audit_log_actor_idx', ['actorId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  /** e.g. "POST /api/kpis/:id/entries" */
  @Column({ type: 'text' })
  action: string;

  /** the kind of record: "registrations", "members", "auth" (the viewer's filter) */
  @Column({ type: 'text', nullable: true })
  entity: string | null;

  /** the record's id */
  @Column({ name: 'resource_id', type: 'text', nullable: true })
  resourceId: string | null;

  @Column({ name: 'status_code', type: 'int' })
  statusCode: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
