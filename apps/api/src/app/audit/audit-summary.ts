/**
 * The one line the audit viewer shows for a row, built from what the row holds without personal
 * data: the route or use case, the outcome, and for use cases the non-personal reasons they give.
 * Request bodies are never stored; query strings and e-mail addresses are never shown.
 */
const SAFE_DETAIL_KEYS = ['reason', 'throttled', 'account', 'erased', 'kind', 'lang', 'name'] as const;

export function auditSummary(row: {
  action: string;
  statusCode: number;
  entity: string | null;
  entityId: string | null;
  detail: Record<string, unknown> | null;
}): string {
  const parts = [`${row.action} → ${row.statusCode}`];
  if (row.entity) parts.push(row.entityId ? `${row.entity} ${row.entityId}` : row.entity);
  // a write by an API token names the token (api-tokens: the name an admin gave it, no person's data)
  const token = row.detail?.['apiToken'] as { name?: unknown } | undefined;
  if (token && typeof token.name === 'string') parts.push(`API token: ${token.name}`);
  const isRoute = /^[A-Z]+ \//.test(row.action);
  if (!isRoute && row.detail) {
    for (const key of SAFE_DETAIL_KEYS) {
      const v = row.detail[key];
      if (v === undefined || v === null) continue;
      parts.push(`${key}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    }
  }
  return parts.join(' · ');
}
