import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '@chamber/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Records webhook deliveries in the transaction of the change that causes them (an outbox): one
 * INSERT … SELECT from the endpoints that want the type (webhook_record, made by the Webhooks
 * migration), so nothing is written when none does and a change that rolls back sends nothing.
 * The job queue sends them once they are committed (webhooks.service.ts).
 *
 * Payloads are thin: ids, states and counts, never names, emails or texts (a receiver reads more
 * with an API token, under its scopes); an anonymous suggestion's carries nothing of its poster.
 */
@Injectable()
export class WebhookOutbox {
  async record(manager: EntityManager, type: WebhookEventType, ...data: object[]): Promise<void> {
    if (!data.length) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('WebhookOutbox.record must run inside the transaction of the change it reports');
    }
    await manager.query(`SELECT webhook_record($1, $2::jsonb)`, [type, JSON.stringify(data)]);
  }
}
