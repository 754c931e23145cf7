import { Global, Module } from '@nestjs/common';
import { WebhookMailRenderers } from './webhook-mail-renderers';
import { WebhookOutbox } from './webhook-outbox';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Webhooks: endpoints (admin), the outbox every listed change writes to, and delivery by the queue. */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookOutbox, WebhookMailRenderers],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
