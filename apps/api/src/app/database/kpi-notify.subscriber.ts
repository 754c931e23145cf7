import { EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { KpiChangeBus, KpiChangeKey, PENDING_KPI_CHANGES } from '../plan/kpi-change-bus';

/** Announces the KPI changes a transaction recorded once it commits; drops them if it rolls back. */
@EventSubscriber()
export class KpiNotifySubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    const pending = data?.[PENDING_KPI_CHANGES] as KpiChangeKey[] | undefined;
    if (!data || !pending?.length) return;
    delete data[PENDING_KPI_CHANGES];
    KpiChangeBus.of(event.connection).publishAfterCommit(pending);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (data) delete data[PENDING_KPI_CHANGES];
  }
}
