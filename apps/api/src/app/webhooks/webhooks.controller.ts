import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CreateWebhookResponse, WebhookDeliveryView, WebhookView } from '@chamber/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../common/auth-user';
import { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { WebhooksService } from './webhooks.service';

/** Admins register the receivers of other systems and see what was sent to them. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Register a webhook endpoint (its secret is shown this once) */
  @Roles('admin')
  @Post()
  create(@Body() dto: CreateWebhookDto, @CurrentUser() user: AuthUser): Promise<CreateWebhookResponse> {
    return this.webhooks.create(dto, user);
  }

  /** Webhook endpoints (without their secrets) */
  @Roles('admin')
  @Get()
  list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  /** Change a webhook endpoint's URL, event types, or switch it on or off */
  @Roles('admin')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookView> {
    return this.webhooks.update(id, dto);
  }

  /** Delete a webhook endpoint and its delivery log */
  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  /** The delivery log of an endpoint, newest first */
  @Roles('admin')
  @Get(':id/deliveries')
  deliveries(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryView[]> {
    return this.webhooks.deliveries(id);
  }

  /** Send a delivery again (same webhook-id and body) */
  @Roles('admin')
  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  async redeliver(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
  ): Promise<{ queued: true }> {
    await this.webhooks.redeliver(id, deliveryId);
    return { queued: true };
  }
}
