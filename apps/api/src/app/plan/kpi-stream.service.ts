import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Observable, Subject, Subscription, bufferTime, filter } from 'rxjs';
import type { KpiEvent } from '@chamber/contracts';
import { DATABASE_INFO, DatabaseInfo } from '../common/database-info';
import { Kpi } from './entities/kpi.entity';
import { KpiChangeBus, KpiChangeKey } from './kpi-change-bus';
import { kpiAffectedBy } from './kpi-reading';
import { KpiService } from './kpi.service';

/**
 * Turns committed counter changes into `kpi` events for dashboards. On PostgreSQL it LISTENs to
 * the `kpi` channel, so a commit on any instance reaches every instance's SSE clients.
 */
@Injectable()
export class KpiStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('KpiStream');
  private readonly events = new Subject<KpiEvent>();
  private subscription?: Subscription;
  private listener?: Client;
  private closing = false;
  readonly events$: Observable<KpiEvent> = this.events.asObservable();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_INFO) private readonly db: DatabaseInfo,
    private readonly kpis: KpiService,
  ) {}

  async onModuleInit(): Promise<void> {
    const bus = KpiChangeBus.of(this.dataSource);
    // coalesce a burst of commits (1,000 registrations) into one reading per KPI
    this.subscription = bus.changes$
      .pipe(
        bufferTime(25),
        filter((batches) => batches.length > 0),
      )
      .subscribe((batches) => void this.publish(batches.flat()));
    if (!this.db.embedded) await this.listen(bus);
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.subscription?.unsubscribe();
    await this.listener?.end().catch(() => undefined);
    this.events.complete();
  }

  private async listen(bus: KpiChangeBus): Promise<void> {
    const client = new Client({ connectionString: this.db.url });
    client.on('notification', (msg) => {
      if (msg.channel !== 'kpi' || !msg.payload) return;
      try {
        bus.publishFromNotify([JSON.parse(msg.payload) as KpiChangeKey]);
      } catch {
        this.logger.warn('ignored a malformed kpi notification');
      }
    });
    client.on('error', (e) => {
      this.logger.error(`LISTEN connection failed: ${e.message}`);
      bus.notifyDelivers = false;
      if (!this.closing) setTimeout(() => void this.listen(bus).catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query('LISTEN kpi');
    this.listener = client;
    bus.notifyDelivers = true;
  }

  private async publish(keys: KpiChangeKey[]): Promise<void> {
    if (!this.events.observed) return; // no dashboard is listening: nothing to read
    try {
      const years = [...new Set(keys.map((k) => k.fiscalYear))];
      for (const fy of years) {
        const plan = await this.kpis.planFor(fy).catch(() => null);
        if (!plan) continue;
        const changed = keys.filter((k) => k.fiscalYear === fy);
        const defs = await this.dataSource.getRepository(Kpi).find({ where: { planId: plan.id } });
        const affected = defs.filter((d) => changed.some((c) => kpiAffectedBy(d, c))).map((d) => d.id);
        if (!affected.length) continue;
        for (const r of await this.kpis.readings(fy, { kpiIds: affected })) {
          this.events.next({
            kpiId: r.id,
            code: r.code,
            actionItemCode: r.actionItemCode,
            fiscalYear: fy,
            value: r.value,
            attainment: r.attainment,
            status: r.status,
            numerator: r.numerator,
            denominator: r.denominator,
          });
        }
      }
    } catch (e) {
      if (!this.closing) this.logger.error('publishing KPI events failed', e instanceof Error ? e.stack : String(e));
    }
  }
}
