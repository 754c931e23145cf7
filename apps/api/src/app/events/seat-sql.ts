/** The event row as cancellations and the waitlist need it, locked for the rest of the transaction. */
export const LOCK_EVENT_SQL = `
SELECT id, kind, status, capacity, taken, waitlist_count, action_item_code, starts_at, ends_at, venue,
       title_ja, title_en, invited_count
FROM event WHERE id = $1 FOR UPDATE`;

export interface LockedEventRow {
  id: string;
  kind: string;
  status: string;
  capacity: number;
  taken: number;
  waitlist_count: number;
  action_item_code: string;
  starts_at: Date;
  ends_at: Date;
  venue: string;
  title_ja: string;
  title_en: string;
  invited_count: number | null;
}

/** What a KPI record reads from a locked event row. */
export function lockedEventKpiRef(e: LockedEventRow) {
  return { id: e.id, actionItemCode: e.action_item_code, startsAt: e.starts_at };
}
