import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One change for one endpoint: written by the change's own transaction (an outbox), so a change
 * that rolled back has none. The body is fixed when it is written (`{type, timestamp, data}`) and
 * sent as is on every try; its id is the Standard Webhooks `webhook-id`, the same on every try.
 */
@Entity('webhook_delivery')
@Index('webhook_delivery_endpoint_idx', ['endpointId', 'createdAt'])
// what the dispatcher still has to hand to the job queue
@Index('webhook_delivery_unqueued_idx', ['createdAt'], { where: 'queued_at IS NULL' })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'webhook_delivery_endpoint_fk' })
  endpoint?: WebhookEndpoint;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  /** the whole body: `{type, timestamp, data}` */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** when a queue job was made for it (null: the dispatcher has not seen it yet) */
  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
