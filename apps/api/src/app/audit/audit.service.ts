import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEntryView } from '@chamber/contracts';
import { AUDIT_CSV_MAX, AUDIT_PAGE_SIZE } from '@chamber/contracts';
import { tokyoInstant } from '@chamber/domain';
import { badRequest } from '../common/errors';
import { auditSummary } from './audit-summary';
import type { AuditQueryDto } from './dto/audit-query.dto';

interface AuditRowRead {
  id: string;
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string;
  action: string;
  entity: string | null;
  resource_id: string | null;
  status_code: number;
  detail: Record<string, unknown> | string | null;
}

/** The audit trail as the viewer reads it: newest first, filtered by period, actor and kind of record. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(q: AuditQueryDto): Promise<{ items: AuditEntryView[]; total: number }> {
    const { where, values } = this.filter(q);
    const pageSize = q.pageSize ?? AUDIT_PAGE_SIZE;
    const offset = ((q.page ?? 1) - 1) * pageSize;
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM audit_log a ${where}`, values)) as [
      { n: number },
    ];
    const rows = await this.rows(where, values, pageSize, offset);
    return { items: rows, total: n };
  }

  /** Every matching row for the CSV, newest first, at most AUDIT_CSV_MAX. */
  all(q: AuditQueryDto): Promise<AuditEntryView[]> {
    const { where, values } = this.filter(q);
    return this.rows(where, values, AUDIT_CSV_MAX, 0);
  }

  private async rows(where: string, values: unknown[], limit: number, offset: number): Promise<AuditEntryView[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.actor_id, u.display_name AS actor_name, a.actor_role, a.action, a.entity,
              a.resource_id, a.status_code, a.detail
         FROM audit_log a LEFT JOIN user_account u ON u.id = a.actor_id
         ${where}
        ORDER BY a.at DESC, a.id DESC
        LIMIT ${limit} OFFSET ${offset}`,
      values,
    )) as AuditRowRead[];
    return rows.map((r) => {
      const detail = typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail;
      return {
        id: r.id,
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        action: r.action,
        entity: r.entity,
        entityId: r.resource_id,
        statusCode: Number(r.status_code),
        summary: auditSummary({
          action: r.action,
          statusCode: Number(r.status_code),
          entity: r.entity,
          entityId: r.resource_id,
          detail,
        }),
      };
    });
  }

  private filter(q: AuditQueryDto): { where: string; values: unknown[] } {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const from = q.from ? tokyoInstant(q.from) : null;
    const to = q.to ? tokyoInstant(q.to, true) : null;
    if (q.from && !from) throw badRequest('from', 'validation.from_not_a_date');
    if (q.to && !to) throw badRequest('to', 'validation.to_not_a_date');
    if (from && to && from.getTime() > to.getTime()) throw badRequest('from', 'validation.from_after_to');
    if (from) {
      values.push(from.toISOString());
      conditions.push(`a.at >= $${values.length}`);
    }
    if (to) {
      values.push(to.toISOString());
      // a calendar date runs to the start of the next day (exclusive); an instant is inclusive
      conditions.push(/^\d{4}-\d{2}-\d{2}$/.test(q.to!) ? `a.at < $${values.length}` : `a.at <= $${values.length}`);
    }
    if (q.actorId) {
      values.push(q.actorId);
      conditions.push(`a.actor_id = $${values.length}`);
    }
    if (q.entity) {
      values.push(q.entity);
      conditions.push(`a.entity = $${values.length}`);
    }
    return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values };
  }
}
