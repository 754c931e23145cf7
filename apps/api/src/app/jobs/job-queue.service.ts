import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { TOKYO_TIME_ZONE } from '@chamber/domain';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DATABASE_INFO, DatabaseInfo } from '../common/database-info';

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

interface Registration {
  name: string;
  handler: JobHandler<never>;
  retryLimit: number;
  cron?: string;
  /** jobs one worker takes at a time, run side by side (each completes or fails on its own) */
  batchSize: number;
  /** worker loops: one held up by a slow job leaves the others working */
  workers: number;
}

/**
 * Background work on a PostgreSQL-backed queue (pg-boss): no new server, retries with backoff,
 * failed jobs kept for staff to see. Jobs can be enqueued inside a caller's transaction, so they
 * exist only if the change that causes them commits.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private boss?: PgBoss;
  private readonly registrations: Registration[] = [];

  constructor(
    @Inject(DATABASE_INFO) private readonly db: DatabaseInfo,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Domains register their job kinds when their module starts (before the queue starts). */
  register<T>(
    name: string,
    handler: JobHandler<T>,
    options: { retryLimit?: number; cron?: string; batchSize?: number; workers?: number } = {},
  ): void {
    this.registrations.push({
      name,
      handler: handler as JobHandler<never>,
      retryLimit: options.retryLimit ?? 4,
      cron: options.cron,
      batchSize: options.batchSize ?? 1,
      workers: options.workers ?? 1,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    // on the embedded database the queue shares the app's single connection (see app.module.ts)
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const boss = this.db.embedded
      ? new PgBoss({
          db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
          schema: 'pgboss',
        })
      : new PgBoss({ connectionString: this.db.url, max: 4, schema: 'pgboss' });
    boss.on('error', (e: Error) => this.logger.error(`queue error: ${e.message}`));
    // several instances starting at once (replicas, worker processes) would deadlock creating the
    // same queues: one at a time sets them up
    await this.oneInstanceAtATime(async () => {
      await boss.start();
      for (const r of this.registrations) {
        const options = {
          name: r.name,
          retryLimit: r.retryLimit,
          retryDelay: this.config.jobRetryDelaySeconds,
          retryBackoff: true,
        };
        await boss.createQueue(r.name, options);
        // a queue made before (another configuration, an earlier version, the embedded template) keeps
        // its options: this configuration's apply
        await boss.updateQueue(r.name, options);
        if (r.cron) await boss.schedule(r.name, r.cron, {}, { tz: TOKYO_TIME_ZONE });
      }
    });
    for (const r of this.registrations) {
      for (let w = 0; w < r.workers; w++) {
        await boss.work<Record<string, unknown>>(
          r.name,
          { pollingIntervalSeconds: 1, includeMetadata: true, batchSize: r.batchSize },
          async (jobs) => {
            if (jobs.length === 1) {
              const [job] = jobs;
              return r.handler(job!.data as never, { id: job!.id, retryCount: job!.retryCount });
            }
            // side by side; a failed job is failed (and retried) alone, pg-boss completes the rest
            const results = await Promise.allSettled(
              jobs.map((job) => r.handler(job.data as never, { id: job.id, retryCount: job.retryCount })),
            );
            for (const [i, result] of results.entries()) {
              if (result.status === 'fulfilled') continue;
              const reason = result.reason as Error | undefined;
              await boss.fail(r.name, jobs[i]!.id, { message: reason?.message ?? String(reason) });
            }
          },
        );
      }
    }
    this.boss = boss;
  }

  private async oneInstanceAtATime(setUp: () => Promise<void>): Promise<void> {
    if (this.db.embedded) return setUp(); // one process only
    const lock = new Client({ connectionString: this.db.url });
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(hashtext('chamber-portal:job-queue-setup'))`);
      await setUp();
    } finally {
      await lock.end().catch(() => undefined); // ending the session releases the lock
    }
  }

  async onModuleDestroy(): Promise<void> {
    // a running job gets 3 s to finish (the whole stop has 10 s: graceful-stop.ts); it is retried later
    await this.boss?.stop({ graceful: true, wait: true, timeout: 3000 }).catch(() => undefined);
  }

  /**
   * Enqueue jobs with ids chosen by the caller, inside its transaction when a manager is given (the
   * jobs then exist only on commit). A job whose id is already queued is skipped, so a sweep may
   * enqueue the same work again safely.
   */
  async insert(name: string, jobs: { id: string; data: object }[], manager?: EntityManager): Promise<void> {
    if (!this.boss || !jobs.length) return;
    const db = manager
      ? {
          executeSql: async (text: string, values: unknown[]) => ({
            rows: (await manager.query(text, values)) as unknown[],
          }),
        }
      : undefined;
    const rows = jobs.map((j) => ({ id: j.id, name, data: j.data }));
    await (db ? this.boss.insert(rows, { db }) : this.boss.insert(rows));
  }

  async send(name: string, data: object): Promise<string | null> {
    return this.boss ? this.boss.send(name, data) : null;
  }

  get running(): boolean {
    return Boolean(this.boss);
  }
}
