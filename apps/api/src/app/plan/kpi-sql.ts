// The SQL of the KPI ledger, framework-free. Every KPI change goes through one SQL function,
// kpi_count (made by a migration; its text is in events/registration.sql): ledger rows, the counter
// upsert and the notification, which is delivered only if the surrounding transaction commits. The
// recorder calls it, and so does the registration function.

/** One record: $6 is the source id (null for manual entries); answers the ledger row's id. */
export const RECORD_SQL = `
SELECT id FROM kpi_count(
  p_action_item_code => $1, p_measure => $2, p_fiscal_year => $3, p_delta => $4, p_source_type => $5,
  p_source_ids => ARRAY[$6::text], p_kpi_id => $7, p_author_id => $8, p_note => $9) AS id`;
