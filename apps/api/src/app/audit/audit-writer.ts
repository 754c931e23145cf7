import type { EntityManager } from 'typeorm';
import { auditEntityOfAction } from './audit-target';

/** An audit row written by the use case itself (log-ins refused, mails asked for): not a request log. */
export interface AuditRow {
  actorId: string | null;
  actorRole: string;
  /** e.g. "auth.login_failed" */
  action: string;
  /** the kind of record; by default the action's prefix ("auth" of "auth.login_failed") */
  entity?: string;
  resourceId?: string | null;
  statusCode: number;
  detail?: Record<string, unknown>;
}

export async function writeAudit(m: Pick<EntityManager, 'query'>, row: AuditRow): Promise<void> {
  await m.query(
    `INSERT INTO audit_log (actor_id, actor_role, action, entity, resource_id, status_code, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      row.actorId,
      row.actorRole,
      row.action,
      row.entity ?? auditEntityOfAction(row.action),
      row.resourceId ?? null,
      row.statusCode,
      JSON.stringify(row.detail ?? {}),
    ],
  );
}
