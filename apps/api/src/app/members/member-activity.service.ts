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

// Each domain publishes a member company's activity as a view (migration 1796282245549): these
// queries read those views, never the events, exams or suggestions tables behind them.
const REGISTRATIONS_SQL = `
SELECT id, event_id, event_title_ja, event_title_en, starts_at, name, status, checked_in_at
FROM member_registration_activity WHERE member_id = $1 ORDER BY starts_at DESC, id LIMIT 500`;
const EXAM_APPLICATIONS_SQL = `
SELECT id, exam_code, grade_code, exam_name_ja, starts_at, name, coalesce(result, status) AS status
FROM member_exam_activity WHERE member_id = $1 ORDER BY starts_at DESC, id LIMIT 500`;
const SUGGESTIONS_SQL = `
SELECT id, category, status, created_at
FROM member_suggestion_activity WHERE member_id = $1 ORDER BY created_at DESC LIMIT 500`;

interface RegistrationRow {
  id: string;
  event_id: string;
  event_title_ja: string;
  event_title_en: string;
  starts_at: Date;
  name: string;
  status: string;
  checked_in_at: Date | null;
}

interface ExamRow {
  id: string;
  exam_code: string;
  grade_code: string;
  exam_name_ja: string;
  starts_at: Date;
  name: string;
  status: string;
}

/** A company's activity across the domains, and the companies with none in a fiscal year. */
@Injectable()
export class MemberActivityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: ConsultationsService,
  ) {}

  async activity(memberId: string): Promise<MemberActivity> {
    if (!(await this.dataSource.getRepository(Member).existsBy({ id: memberId }))) throw memberNotFound();
    const [consultations, visits, registrations, exams, suggestions] = await Promise.all([
      this.log.consultations({ memberId, pageSize: 500 }),
      this.log.visits({ memberId, pageSize: 500 }),
      this.dataSource.query(REGISTRATIONS_SQL, [memberId]) as Promise<RegistrationRow[]>,
      this.dataSource.query(EXAM_APPLICATIONS_SQL, [memberId]) as Promise<ExamRow[]>,
      this.dataSource.query(SUGGESTIONS_SQL, [memberId]) as Promise<
        { id: string; category: string; status: string; created_at: Date }[]
      >,
    ]);
    return {
      consultations: consultations.items,
      visits: visits.items,
      registrations: registrations.map((r) => ({
        id: r.id,
        eventId: r.event_id,
        eventTitle: r.event_title_ja,
        title: { ja: r.event_title_ja, en: r.event_title_en || r.event_title_ja },
        startsAt: new Date(r.starts_at).toISOString(),
        name: r.name,
        status: r.status,
        checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
      })),
      examApplications: exams.map((a) => ({
        id: a.id,
        examName: `${a.exam_name_ja} ${a.grade_code}`,
        examCode: a.exam_code,
        gradeCode: a.grade_code,
        date: tokyoDate(a.starts_at),
        name: a.name,
        status: a.status,
      })),
      suggestions: suggestions.map((s) => ({
        id: s.id,
        category: s.category,
        status: s.status,
        createdAt: new Date(s.created_at).toISOString(),
      })),
      unavailable: [],
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
    const qb = this.dataSource
      .getRepository(Member)
      .createQueryBuilder('m')
      .where('(m.joined_on IS NULL OR m.joined_on <= :end)', { end })
      .andWhere('(m.left_on IS NULL OR m.left_on >= :start)', { start })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM member_fiscal_activity a WHERE a.member_id = m.id AND a.fiscal_year = :fy)',
        { fy: fiscalYear },
      )
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM member_registration_activity r WHERE r.member_id = m.id
           AND r.status NOT IN ('cancelled', 'waitlisted') AND r.starts_at >= :regFrom AND r.starts_at < :regTo)`,
        { regFrom: fiscalYearStart(fiscalYear).toISOString(), regTo: fiscalYearEnd(fiscalYear).toISOString() },
      );
    if (query.ward) qb.andWhere('m.ward = :ward', { ward: query.ward });
    const [rows, total] = await qb
      .orderBy('m.name_kana', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return {
      items: rows.map(toSummary),
      total,
      page,
      pageSize,
      fiscalYear,
      basis: ['consultations', 'visits', 'registrations'],
    };
  }
}
