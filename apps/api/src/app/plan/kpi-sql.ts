// The SQL of the KPI ledger, framework-free: the recorder runs it, and so does the registration
// statement (and the benchmark that replays that statement in pgbench).

// Ledger row, counter upsert and notification in one statement: one round trip per record.
// pg_notify is delivered only if the surrounding transaction commits.
export const RECORD_SQL = `
WITH ledger AS (
  INSERT INTO kpi_ledger (action_item_code, measure, fiscal_year, delta, source_type, source_id, kpi_id, author_id, note)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  RETURNING id
), counter AS (
  INSERT INTO kpi_counter (action_item_code, measure, fiscal_year, value)
  VALUES ($1, $2, $3, $4)
  ON CONFLICT (action_item_code, measure, fiscal_year)
  DO UPDATE SET value = kpi_counter.value + EXCLUDED.value, updated_at = now()
  RETURNING value
)
SELECT (SELECT id FROM ledger) AS id, (SELECT value FROM counter) AS value, pg_notify('kpi', $10)`;

/**
 * The ledger rows and the counter upsert of record(), as two CTEs (`ledger`, `counter`) for a change
 * that must be written together with its count in ONE statement — a registration, so that no round
 * trip to the application happens while the event's row is locked. `rows` is a CTE or subquery with
 * a `source_id` text column, one row per +1; the other arguments are SQL placeholders or literals.
 * The caller selects pg_notify('kpi', key) FROM counter and tells the KpiChangeBus after it commits.
 */
export function countRowsCtes(
  rows: string,
  p: { code: string; measure: string; fiscalYear: string; sourceType: string; author: string },
): string {
  return `ledger AS (
  INSERT INTO kpi_ledger (action_item_code, measure, fiscal_year, delta, source_type, source_id, author_id)
  SELECT ${p.code}, ${p.measure}, ${p.fiscalYear}, 1, ${p.sourceType}, r.source_id, ${p.author}
  FROM ${rows} r
  RETURNING delta
), counter AS (
  INSERT INTO kpi_counter (action_item_code, measure, fiscal_year, value)
  SELECT ${p.code}, ${p.measure}, ${p.fiscalYear}, SUM(delta) FROM ledger HAVING COUNT(*) > 0
  ON CONFLICT (action_item_code, measure, fiscal_year)
  DO UPDATE SET value = kpi_counter.value + EXCLUDED.value, updated_at = now()
  RETURNING value
)`;
}
