import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { InactiveMembersPage, MemberActivity } from '@chamber/contracts';
import { currentFiscalYear, fiscalYearEnd, fiscalYearStart, tokyoDate } from '@chamber/domain';
import type { InactiveQueryDto } from './dto/member.dto';
import { Member } from './entities/member.entity';
import { toSummary } from './member-mapper';
import { ConsultationsService } from './consultations.service';
import { memberNotFound } from './members.service';

type Columns = Map<string, Set<string>>;

/**
 * A company's activity across the domains, and the companies with none in a fiscal year. Other
 * domains' tables are read only where this server has them (they are built alongside), so the
 * queries look the columns up first instead of failing.
 */
@Injectable()
export class MemberActivityService {
  private columns?: Promise<Columns>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ConsultationsService,
  ) {}

  async activity(memberId: string): Promise<MemberActivity> {
    if (!(await this.dataSource.getRepository(Member).existsBy({ id: memberId }))) throw memberNotFound();
    const cols = await this.schema();
    const has = (table: string, ...names: string[]) => names.every((n) => cols.get(table)?.has(n));
    const unavailable: string[] = [];
    const [consultations, visits] = await Promise.all([
      this.log.consultations({ memberId, pageSize: 500 }),
      this.log.visits({ memberId, pageSize: 500 }),
    ]);

    let registrations: MemberActivity['registrations'] = [];
    const reg = this.registrationSource(cols);
    if (reg) {
      const eventJoin = has('event', 'id') ? `LEFT JOIN event e ON e.id = r.${reg.eventColumn}` : '';
      const title = has('event', 'title_ja') ? 'e.title_ja' : has('event', 'title') ? 'e.title::text' : `''`;
      const starts = has('event', 'starts_at') ? 'e.starts_at' : 'NULL::timestamptz';
      const name = has(reg.table, 'name') ? 'r.name' : `''`;
      const checkedIn = has(reg.table, 'checked_in_at') ? 'r.checked_in_at' : 'NULL::timestamptz';
      registrations = (
        (await this.dataSource.query(
          `SELECT r.id, r.${reg.eventColumn}::text AS event_id, ${eventJoin ? title : `''`} AS title,
                  ${eventJoin ? starts : 'NULL::timestamptz'} AS starts_at, ${name} AS name, r.status,
                  ${checkedIn} AS checked_in_at
           FROM ${reg.table} r ${eventJoin} WHERE r.member_id = $1
           ORDER BY ${eventJoin && has('event', 'starts_at') ? 'e.starts_at DESC NULLS LAST' : 'r.id'} LIMIT 500`,
          [memberId],
        )) as {
          id: string;
          event_id: string;
          title: string;
          starts_at: Date | null;
          name: string;
          status: string;
          checked_in_at: Date | null;
        }[]
      ).map((r) => ({
        id: r.id,
        eventId: r.event_id,
        eventTitle: r.title,
        startsAt: r.starts_at ? new Date(r.starts_at).toISOString() : null,
        name: r.name,
        status: r.status,
        checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
      }));
    } else unavailable.push('registrations');

    let examApplications: MemberActivity['examApplications'] = [];
    if (
      has('exam_application', 'member_id', 'sitting_id', 'name', 'status') &&
      has('exam_sitting', 'id', 'exam_code', 'starts_at') &&
      has('exam_type', 'code', 'name_ja')
    ) {
      const grade = has('exam_sitting', 'grade_code') ? `|| ' ' || s.grade_code` : '';
      const result = has('exam_application', 'result') ? 'coalesce(a.result, a.status)' : 'a.status';
      examApplications = (
        (await this.dataSource.query(
          `SELECT a.id, t.name_ja ${grade} AS exam_name, s.starts_at, a.name, ${result} AS status
           FROM exam_application a JOIN exam_sitting s ON s.id = a.sitting_id JOIN exam_type t ON t.code = s.exam_code
           WHERE a.member_id = $1 ORDER BY s.starts_at DESC LIMIT 500`,
          [memberId],
        )) as { id: string; exam_name: string; starts_at: Date | null; name: string; status: string }[]
      ).map((a) => ({
        id: a.id,
        examName: a.exam_name,
        date: a.starts_at ? tokyoDate(a.starts_at) : null,
        name: a.name,
        status: a.status,
      }));
    } else unavailable.push('examApplications');

    let suggestions: MemberActivity['suggestions'] = [];
    if (has('suggestion', 'id', 'named_poster_id', 'status', 'created_at')) {
      // signed (named) suggestions only: an anonymous one never names its poster's company
      const category = has('suggestion', 'category') ? 's.category' : `''`;
      suggestions = (
        (await this.dataSource.query(
          `SELECT s.id, ${category} AS category, s.status, s.created_at FROM suggestion s
           JOIN user_account u ON u.id = s.named_poster_id WHERE u.member_id = $1 ORDER BY s.created_at DESC LIMIT 500`,
          [memberId],
        )) as { id: string; category: string; status: string; created_at: Date }[]
      ).map((s) => ({
        id: s.id,
        category: s.category,
        status: s.status,
        createdAt: new Date(s.created_at).toISOString(),
      }));
    } else unavailable.push('suggestions');

    return {
      consultations: consultations.items,
      visits: visits.items,
      registrations,
      examApplications,
      suggestions,
      unavailable,
    };
  }

  /**
   * Member companies (in membership during the FY) with no consultation, visit or event
   * registration in it: the plan's target list for visits.
   */
  async inactive(query: InactiveQueryDto): Promise<InactiveMembersPage> {
    const fiscalYear = query.fiscalYear ?? currentFiscalYear();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const start = tokyoDate(fiscalYearStart(fiscalYear));
    const end = tokyoDate(fiscalYearEnd(fiscalYear).getTime() - 1);
    const basis = ['consultations', 'visits'];
    const cols = await this.schema();
    const reg = this.registrationSource(cols);
    let registrationClause = '';
    if (reg) {
      basis.push('registrations');
      const when =
        cols.get('event')?.has('starts_at') && cols.get('event')?.has('id')
          ? `EXISTS (SELECT 1 FROM event e WHERE e.id = r.${reg.eventColumn} AND e.starts_at >= :regFrom AND e.starts_at < :regTo)`
          : cols.get(reg.table)?.has('created_at')
            ? 'r.created_at >= :regFrom AND r.created_at < :regTo'
            : 'true';
      const active = cols.get(reg.table)?.has('status') ? `AND r.status NOT IN ('cancelled', 'waitlisted')` : '';
      registrationClause = `NOT EXISTS (SELECT 1 FROM ${reg.table} r WHERE r.member_id = m.id ${active} AND ${when})`;
    }
    const qb = this.dataSource
      .getRepository(Member)
      .createQueryBuilder('m')
      .where('(m.joined_on IS NULL OR m.joined_on <= :end)', { end })
      .andWhere('(m.left_on IS NULL OR m.left_on >= :start)', { start })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM member_fiscal_activity a WHERE a.member_id = m.id AND a.fiscal_year = :fy)',
        { fy: fiscalYear },
      );
    if (query.ward) qb.andWhere('m.ward = :ward', { ward: query.ward });
    if (registrationClause)
      qb.andWhere(registrationClause, {
        regFrom: fiscalYearStart(fiscalYear).toISOString(),
        regTo: fiscalYearEnd(fiscalYear).toISOString(),
      });
    const [rows, total] = await qb
      .orderBy('m.name_kana', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toSummary), total, page, pageSize, fiscalYear, basis };
  }

  /** The events engineer's registrations, if this server has them: a table with member_id and an event id. */
  private registrationSource(cols: Columns): { table: string; eventColumn: string } | null {
    for (const table of ['event_registration', 'registration']) {
      const c = cols.get(table);
      if (!c?.has('member_id') || !c.has('id')) continue;
      const eventColumn = c.has('event_id') ? 'event_id' : null;
      if (eventColumn) return { table, eventColumn };
    }
    return null;
  }

  private schema(): Promise<Columns> {
    this.columns ??= (async () => {
      const rows = (await this.dataSource.query(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema()
           AND table_name IN ('event', 'event_registration', 'registration', 'exam_application', 'exam_sitting', 'exam_type', 'suggestion')`,
      )) as { table_name: string; column_name: string }[];
      const map: Columns = new Map();
      for (const r of rows) {
        if (!map.has(r.table_name)) map.set(r.table_name, new Set());
        map.get(r.table_name)!.add(r.column_name);
      }
      return map;
    })();
    return this.columns;
  }
}
