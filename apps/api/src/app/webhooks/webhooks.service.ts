import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import type { CreateWebhookResponse, WebhookDeliveryView, WebhookEventType, WebhookView } from '@chamber/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { badRequest, conflict, notFound } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue.service';
import { MailOutbox } from '../mail/mail-outbox.service';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { postWebhook } from './webhook-sender';
import { newWebhookSecret, signedHeaders } from './webhook-signature';
import { targetProblem } from './webhook-target';
import type { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';

export const WEBHOOK_JOB = 'webhook.deliver';
/** Every night: the delivery log keeps `webhookLogDays` days of what was delivered or given up. */
export const WEBHOOK_PRUNE_JOB = 'webhook.prune';
/** how often committed deliveries are handed to the queue (they may be written by SQL functions) */
const DISPATCH_EVERY_MS = 1000;

// deliveries committed since the last look, taken by one instance (SKIP LOCKED) and marked queued in
// the transaction that makes their jobs: a delivery gets its job exactly once
const TAKE_UNQUEUED_SQL = `
UPDATE webhook_delivery SET queued_at = now()
WHERE id IN (SELECT id FROM webhook_delivery WHERE queued_at IS NULL ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED)
RETURNING id`;

interface DeliveryJob {
  deliveryId: string;
}

/**
 * Webhook endpoints (admin) and the delivery of what the changes recorded (webhook-outbox.ts):
 * each committed delivery becomes a queue job that POSTs its body signed as Standard Webhooks has
 * it, retried with backoff on a non-2xx answer or a time-out. An endpoint failing
 * `webhookDisableAfterFailures` tries in a row is switched off and the admins are mailed.
 */
@Injectable()
export class WebhooksService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private timer?: NodeJS.Timeout;
  private dispatching = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly mail: MailOutbox,
  ) {}

  onModuleInit(): void {
    this.jobs.register<DeliveryJob>(WEBHOOK_JOB, (data, job) => this.deliver(data.deliveryId, job.retryCount), {
      retryLimit: this.config.webhookRetryLimit,
      // up to 4 × 5 tries at once: a receiver that takes its whole time-out holds up one loop only
      batchSize: 5,
      workers: 4,
    });
    this.jobs.register(WEBHOOK_PRUNE_JOB, async () => void (await this.prune()), { retryLimit: 0, cron: '17 3 * * *' });
  }

  /** Drops delivered and failed deliveries older than the log keeps; answers how many. */
  async prune(): Promise<number> {
    const rows = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `DELETE FROM webhook_delivery
         WHERE status IN ('delivered', 'failed') AND created_at < now() - $1::int * interval '1 day' RETURNING id`,
        [this.config.webhookLogDays],
      ),
    );
    return rows.length;
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.dispatch(), DISPATCH_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  // ---- endpoints ----

  async create(dto: CreateWebhookDto, user: AuthUser): Promise<CreateWebhookResponse> {
    this.checkTarget(dto.url);
    const saved = await this.dataSource.getRepository(WebhookEndpoint).save({
      url: dto.url,
      description: dto.description || null,
      events: dto.events,
      secret: newWebhookSecret(),
      createdBy: user.id,
    });
    return { id: saved.id, secret: saved.secret };
  }

  async list(): Promise<WebhookView[]> {
    const rows = await this.dataSource.getRepository(WebhookEndpoint).find({ order: { createdAt: 'ASC' } });
    return rows.map(view);
  }

  async update(id: string, dto: UpdateWebhookDto): Promise<WebhookView> {
    if (dto.url !== undefined) this.checkTarget(dto.url);
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(WebhookEndpoint, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw unknownWebhook();
      if (dto.url !== undefined) row.url = dto.url;
      if (dto.events !== undefined) row.events = dto.events;
      if (dto.active !== undefined && dto.active !== row.active) {
        row.active = dto.active;
        // switched back on: its count of failures starts again
        row.consecutiveFailures = 0;
        row.disabledAt = null;
      }
      return view(await m.save(row));
    });
  }

  async remove(id: string): Promise<void> {
    const result = await this.dataSource.getRepository(WebhookEndpoint).delete({ id });
    if (!result.affected) throw unknownWebhook();
  }

  async deliveries(id: string): Promise<WebhookDeliveryView[]> {
    if (!(await this.dataSource.getRepository(WebhookEndpoint).existsBy({ id }))) throw unknownWebhook();
    const rows = await this.dataSource.getRepository(WebhookDelivery).find({
      where: { endpointId: id },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map((d) => ({
      id: d.id,
      eventType: d.eventType as WebhookEventType,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    }));
  }

  /** POST …/redeliver: the same delivery (same webhook-id and body) tried again, with a fresh job. */
  async redeliver(id: string, deliveryId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const endpoint = await m.findOneBy(WebhookEndpoint, { id });
      if (!endpoint) throw unknownWebhook();
      const found = rowsOf<{ id: string }>(
        await m.query(
          `UPDATE webhook_delivery SET status = 'pending', queued_at = now() WHERE id = $1 AND endpoint_id = $2 RETURNING id`,
          [deliveryId, id],
        ),
      ).length;
      if (!found) throw notFound('unknown_delivery');
      if (!endpoint.active) {
        throw conflict('webhook_inactive');
      }
      await this.jobs.insert(WEBHOOK_JOB, [{ id: randomUUID(), data: { deliveryId } }], m);
    });
  }

  private checkTarget(url: string): void {
    const problem = targetProblem(url, this.config.webhookAllowPrivate);
    if (problem) {
      throw badRequest('url', 'validation.webhook_url', { problem });
    }
  }

  // ---- delivery ----

  /** Hands committed deliveries to the queue: each gets one job (its id is the delivery's). */
  async dispatch(): Promise<void> {
    if (this.dispatching || !this.jobs.running) return;
    this.dispatching = true;
    try {
      await this.dataSource.transaction(async (m) => {
        const rows = (await m.query(TAKE_UNQUEUED_SQL)) as unknown;
        const ids = rowsOf<{ id: string }>(rows).map((r) => r.id);
        if (ids.length) {
          await this.jobs.insert(
            WEBHOOK_JOB,
            ids.map((deliveryId) => ({ id: deliveryId, data: { deliveryId } })),
            m,
          );
        }
      });
    } catch (e) {
      this.logger.warn(`webhook dispatch failed, next round retries: ${(e as Error).message}`);
    } finally {
      this.dispatching = false;
    }
  }

  /** One try of one delivery; throws (so the queue retries) after a non-2xx answer or none. */
  async deliver(deliveryId: string, retryCount: number): Promise<void> {
    const delivery = await this.dataSource.getRepository(WebhookDelivery).findOneBy({ id: deliveryId });
    if (!delivery || delivery.status === 'delivered') return;
    const endpoint = await this.dataSource.getRepository(WebhookEndpoint).findOneBy({ id: delivery.endpointId });
    if (!endpoint) return;
    if (!endpoint.active) {
      await this.dataSource
        .getRepository(WebhookDelivery)
        .update(delivery.id, { status: 'failed', lastError: 'endpoint switched off' });
      return;
    }
    const body = JSON.stringify(delivery.payload);
    const result = await postWebhook(endpoint.url, signedHeaders(endpoint.secret, delivery.id, body), body, {
      timeoutMs: this.config.webhookTimeoutMs,
      allowPrivate: this.config.webhookAllowPrivate,
    });
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const last = retryCount >= this.config.webhookRetryLimit;
    const disabled = await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE webhook_delivery SET attempts = attempts + 1, last_status_code = $2, last_error = $3, status = $4,
                delivered_at = CASE WHEN $4 = 'delivered' THEN now() ELSE delivered_at END
         WHERE id = $1`,
        [
          delivery.id,
          result.statusCode,
          ok ? null : (result.error ?? `HTTP ${result.statusCode}`),
          ok ? 'delivered' : last ? 'failed' : 'pending',
        ],
      );
      if (ok) {
        await m.query(
          `UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures > 0`,
          [endpoint.id],
        );
        return false;
      }
      return this.countFailure(m, endpoint.id);
    });
    if (ok) return;
    this.logger.warn(
      `webhook delivery ${delivery.id} not accepted (try ${retryCount + 1}): ${result.statusCode ?? result.error}`,
    );
    if (disabled) {
      await this.dataSource.getRepository(WebhookDelivery).update(delivery.id, { status: 'failed' });
      return; // no more tries: the endpoint is off
    }
    throw new Error(`webhook not accepted: ${result.statusCode ?? result.error}`);
  }

  /** One more failure in a row; at the limit the endpoint is switched off and every admin is mailed. */
  private async countFailure(m: EntityManager, endpointId: string): Promise<boolean> {
    const rows = rowsOf<{ consecutive_failures: number; active: boolean; url: string }>(
      await m.query(
        `UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1 WHERE id = $1
         RETURNING consecutive_failures, active, url`,
        [endpointId],
      ),
    );
    const row = rows[0];
    if (!row || !row.active || row.consecutive_failures < this.config.webhookDisableAfterFailures) return false;
    await m.query(`UPDATE webhook_endpoint SET active = false, disabled_at = now(), updated_at = now() WHERE id = $1`, [
      endpointId,
    ]);
    const admins = rowsOf<{ email: string }>(
      await m.query(`SELECT email FROM user_account WHERE role = 'admin' AND active ORDER BY email`),
    );
    await this.mail.enqueue(
      m,
      ...admins.map((a) => ({
        kind: 'webhook_disabled',
        to: a.email,
        relatedId: endpointId,
        params: { url: row.url, failures: row.consecutive_failures },
      })),
    );
    this.logger.warn(`webhook endpoint ${endpointId} switched off after ${row.consecutive_failures} failed tries`);
    return true;
  }
}

/** UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver; SELECT answers rows. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

function unknownWebhook() {
  return notFound('unknown_webhook');
}

function view(w: WebhookEndpoint): WebhookView {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    events: w.events as WebhookEventType[],
    active: w.active,
    consecutiveFailures: w.consecutiveFailures,
    disabledAt: w.disabledAt?.toISOString() ?? null,
    createdAt: w.createdAt.toISOString(),
  };
}
