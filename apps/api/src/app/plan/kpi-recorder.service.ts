import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KpiChangeKey, PENDING_KPI_CHANGES } from './kpi-change-bus';
import { RECORD_SQL } from './kpi-sql';

/** One change the plan counts. */
export interface KpiRecord {
  actionItemCode: string;
  measure: string;
  fiscalYear: number;
  delta: number;
  /** what caused it (registration, check_in, consultation, manual, …) and its id */
  sourceType: string;
  sourceId?: string | null;
  kpiId?: string | null;
  authorId?: string | null;
  note?: string | null;
}

/**
 * The one way the plan's counters move: other domains call it inside their own transaction, so a
 * change and its KPI effect commit or roll back together.
 */
@Injectable()
export class KpiRecorder {
  async record(manager: EntityManager, ...records: KpiRecord[]): Promise<string[]> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('KpiRecorder.record must run inside the transaction of the change it counts');
    }
    const ids: string[] = [];
    const pending = ((runner.data as Record<string, unknown>)[PENDING_KPI_CHANGES] ??= []) as KpiChangeKey[];
    for (const r of records) {
      if (!Number.isFinite(r.delta) || r.delta === 0) continue;
      const key: KpiChangeKey = { actionItemCode: r.actionItemCode, measure: r.measure, fiscalYear: r.fiscalYear };
      const rows = (await manager.query(RECORD_SQL, [
        r.actionItemCode,
        r.measure,
        r.fiscalYear,
        r.delta,
        r.sourceType,
        r.sourceId ?? null,
        r.kpiId ?? null,
        r.authorId ?? null,
        r.note ?? null,
      ])) as { id: string }[];
      ids.push(String(rows[0]?.id));
      if (
        !pending.some(
          (p) =>
            p.actionItemCode === key.actionItemCode && p.measure === key.measure && p.fiscalYear === key.fiscalYear,
        )
      ) {
        pending.push(key);
      }
    }
    return ids;
  }
}
