import { fiscalYearOf } from '@chamber/domain';
import type { KpiRecord } from '../plan/kpi-recorder.service';

/** The event fields that decide where its counters move. */
export interface KpiEventRef {
  id: string;
  actionItemCode: string;
  startsAt: Date | string;
}

/**
 * A change an event's activity makes to the plan: always under the event's own action item and in
 * the fiscal year of its start (Asia/Tokyo), so that a registration and its later cancellation or
 * check-in land on the same counter.
 */
export function eventKpi(
  event: KpiEventRef,
  measure: string,
  delta: number,
  sourceType: string,
  sourceId: string | null,
  authorId?: string | null,
): KpiRecord {
  return {
    actionItemCode: event.actionItemCode,
    measure,
    fiscalYear: fiscalYearOf(event.startsAt),
    delta,
    sourceType,
    sourceId,
    authorId: authorId ?? null,
  };
}
