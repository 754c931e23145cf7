import { Subject } from 'rxjs';
import type { DataSource } from 'typeorm';

/** What a committed change touched: the counter key that moved. */
export interface KpiChangeKey {
  actionItemCode: string;
  measure: string;
  fiscalYear: number;
}

/** Key under QueryRunner.data where a transaction collects its KPI changes until commit. */
export const PENDING_KPI_CHANGES = 'pendingKpiChanges';

/**
 * Committed KPI changes of one database. On PostgreSQL it is fed by LISTEN kpi, so every instance
 * hears every commit; on the embedded database (where NOTIFY does not cross connections) by the
 * commit subscriber, in-process.
 */
export class KpiChangeBus {
  private readonly subject = new Subject<KpiChangeKey[]>();
  readonly changes$ = this.subject.asObservable();
  /** true once a LISTEN connection delivers NOTIFY: commit-time local publishing then stays quiet */
  notifyDelivers = false;

  publishAfterCommit(keys: KpiChangeKey[]): void {
    if (!this.notifyDelivers) this.subject.next(keys);
  }

  publishFromNotify(keys: KpiChangeKey[]): void {
    this.subject.next(keys);
  }

  private static readonly buses = new WeakMap<object, KpiChangeBus>();

  static of(dataSource: DataSource): KpiChangeBus {
    let bus = KpiChangeBus.buses.get(dataSource);
    if (!bus) {
      bus = new KpiChangeBus();
      KpiChangeBus.buses.set(dataSource, bus);
    }
    return bus;
  }
}
