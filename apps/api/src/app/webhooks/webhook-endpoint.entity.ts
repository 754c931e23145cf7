import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A receiver an admin registered, with the event types it wants. Its signing secret is stored as
 * is: the server must read it to sign every delivery (an HMAC key cannot be hashed), and
 * encrypting it with a key kept beside the database (the JWT or link secret, in the same
 * environment) would protect nothing a database reader could not undo. It is shown once, when
 * the endpoint is made, never listed, never logged; backups of the database are secret anyway.
 */
@Entity('webhook_endpoint')
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** the event types it is sent (registration.created, …) */
  @Column({ type: 'text', array: true })
  events: string[];

  /** `whsec_` + base64 of 32 random bytes (Standard Webhooks) */
  @Column({ type: 'text' })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** failed tries in a row (non-2xx or time-out); any 2xx resets it */
  @Column({ name: 'consecutive_failures', type: 'int', default: 0 })
  consecutiveFailures: number;

  /** set when it was switched off after repeated failures (null when an admin switched it) */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
