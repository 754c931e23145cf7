import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ExamSitting as ExamSittingView, ExamStatsRow, ExamType as ExamTypeView } from '@chamber/contracts';
import { STAFF_ROLES } from '@chamber/contracts';
import {
  currentFiscalYear,
  fiscalYearEnd,
  fiscalYearStart,
  passRate,
  sittingCode,
  tokyoAt,
  tokyoDate,
} from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { badRequest, conflict, notFound, unauthorized } from '../common/errors';
import { ExamSitting } from './entities/exam-sitting.entity';
import { ExamType } from './entities/exam-type.entity';
import { CreateExamSittingDto, ExamListQueryDto, UpdateExamSittingDto } from './dto/sitting.dto';
import { gradeOf, resolveGrade, toSittingView } from './exam-views';

const TOKYO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD, read in Tokyo) or an instant. */
function instantOf(value: string, endOfDay = false): Date {
  if (TOKYO_DAY.test(value)) {
    const start = tokyoAt(value);
    return endOfDay ? new Date(start.getTime() + 86_400_000) : start;
  }
  return new Date(value);
}

/** The exam catalogue and its sittings: what staff schedule and what anyone can browse. */
@Injectable()
export class ExamSittingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async types(): Promise<ExamTypeView[]> {
    const types = await this.dataSource.getRepository(ExamType).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return types.map((t) => ({
      code: t.code,
      name: { ja: t.nameJa, en: t.nameEn },
      grades: t.grades.map((g) => ({ code: g.code, name: { ja: g.ja, en: g.en } })),
    }));
  }

  async typeMap(manager: EntityManager = this.dataSource.manager): Promise<Map<string, ExamType>> {
    const types = await manager.find(ExamType);
    return new Map(types.map((t) => [t.code, t]));
  }

  /** Sittings by date; members-only sittings are shown to signed-in people only. */
  async list(q: ExamListQueryDto, user: AuthUser | undefined): Promise<ExamSittingView[]> {
    const qb = this.dataSource.getRepository(ExamSitting).createQueryBuilder('s').orderBy('s.startsAt', 'ASC');
    if (!user) qb.andWhere(`s.audience = 'public'`);
    if (q.from) qb.andWhere('s.startsAt >= :from', { from: instantOf(q.from) });
    if (q.to) qb.andWhere('s.startsAt < :to', { to: instantOf(q.to, true) });
    if (q.examCode) qb.andWhere('s.examCode = :examCode', { examCode: q.examCode });
    if (q.fiscalYear !== undefined) {
      qb.andWhere('s.startsAt >= :fyStart AND s.startsAt < :fyEnd', {
        fyStart: fiscalYearStart(q.fiscalYear),
        fyEnd: fiscalYearEnd(q.fiscalYear),
      });
    }
    const [sittings, types] = await Promise.all([qb.take(1000).getMany(), this.typeMap()]);
    const now = new Date();
    return sittings.map((s) => toSittingView(s, types.get(s.examCode)!, now));
  }

  async get(id: string, user: AuthUser | undefined): Promise<ExamSittingView> {
    const s = await this.find(id);
    if (!user && s.audience !== 'public') throw unauthorized();
    const types = await this.typeMap();
    return toSittingView(s, types.get(s.examCode)!);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ExamSitting> {
    const s = await manager.findOne(ExamSitting, { where: { id } });
    if (!s) throw notFound('sitting_not_found');
    return s;
  }

  async create(dto: CreateExamSittingDto, user: AuthUser): Promise<ExamSittingView> {
    const type = await this.dataSource.getRepository(ExamType).findOne({ where: { code: dto.examCode } });
    if (!type) {
      throw badRequest('examCode', 'validation.unknown_exam', { exam: dto.examCode });
    }
    const grade = resolveGrade(type, dto.grade);
    if (!grade) {
      throw badRequest('grade', 'validation.unknown_grade', { grades: type.grades.map((g) => g.code) });
    }
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    const closesAt = dto.applicationClosesAt ? new Date(dto.applicationClosesAt) : startsAt;
    this.checkTimes(startsAt, endsAt, closesAt);
    const actionItemCode = dto.actionItemCode ?? 'A1-7';
    await this.checkActionItem(actionItemCode);

    // the code is derived from exam, grade and day; two staff creating the same sitting at once
    // collide on the unique index, and the second simply takes the next letter
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (m) => {
          const base = sittingCode(type.prefix, grade.short, tokyoDate(startsAt), []);
          const taken = (
            (await m.query(`SELECT code FROM exam_sitting WHERE code LIKE $1`, [`${base}%`])) as { code: string }[]
          ).map((r) => r.code);
          const s = m.create(ExamSitting, {
            code: sittingCode(type.prefix, grade.short, tokyoDate(startsAt), taken),
            examCode: type.code,
            gradeCode: grade.code,
            startsAt,
            endsAt,
            venue: dto.venue,
            capacity: dto.capacity,
            fee: dto.fee,
            audience: dto.audience,
            applicationClosesAt: closesAt,
            actionItemCode,
            note: dto.note ?? '',
            createdBy: user.id,
          });
          await m.save(s);
          return toSittingView(s, type);
        });
      } catch (e) {
        if (attempt < 3 && (e as { code?: string }).code === '23505') continue;
        throw e;
      }
    }
  }

  /** Staff change a sitting; capacity never goes below the seats already taken. */
  async update(id: string, dto: UpdateExamSittingDto): Promise<ExamSittingView> {
    return this.dataSource.transaction(async (m) => {
      const [locked] = (await m.query(`SELECT id FROM exam_sitting WHERE id = $1 FOR UPDATE`, [id])) as unknown[];
      if (!locked) throw notFound('sitting_not_found');
      const s = await this.find(id, m);
      if (dto.capacity !== undefined && dto.capacity < s.appliedCount) {
        throw conflict('capacity_below_applications', { count: s.appliedCount });
      }
      const startsAt = dto.startsAt ? new Date(dto.startsAt) : s.startsAt;
      const endsAt = dto.endsAt === undefined ? s.endsAt : dto.endsAt === null ? null : new Date(dto.endsAt);
      const closesAt =
        dto.applicationClosesAt === undefined
          ? dto.startsAt && s.applicationClosesAt.getTime() === s.startsAt.getTime()
            ? startsAt
            : s.applicationClosesAt
          : dto.applicationClosesAt === null
            ? startsAt
            : new Date(dto.applicationClosesAt);
      this.checkTimes(startsAt, endsAt, closesAt);
      Object.assign(s, {
        startsAt,
        endsAt,
        applicationClosesAt: closesAt,
        ...(dto.venue !== undefined ? { venue: dto.venue } : {}),
        ...(dto.capacity !== undefined ? { capacity: dto.capacity } : {}),
        ...(dto.fee !== undefined ? { fee: dto.fee } : {}),
        ...(dto.audience !== undefined ? { audience: dto.audience } : {}),
        ...(dto.note !== undefined ? { note: dto.note } : {}),
      });
      await m.save(s);
      const types = await this.typeMap(m);
      return toSittingView(s, types.get(s.examCode)!);
    });
  }

  /** Applicants, sat, passed and pass rate per exam and grade for the sittings of a fiscal year. */
  async stats(fiscalYear = currentFiscalYear()): Promise<ExamStatsRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.exam_code, s.grade_code,
              count(DISTINCT s.id)::int AS sittings,
              count(a.id) FILTER (WHERE a.status = 'applied')::int AS applicants,
              count(a.id) FILTER (WHERE a.status = 'applied' AND a.result IN ('passed', 'failed'))::int AS sat,
              count(a.id) FILTER (WHERE a.status = 'applied' AND a.result = 'passed')::int AS passed,
              count(a.id) FILTER (WHERE a.status = 'applied' AND a.result = 'absent')::int AS absent
         FROM exam_sitting s
         LEFT JOIN exam_application a ON a.sitting_id = s.id
        WHERE s.starts_at >= $1 AND s.starts_at < $2
        GROUP BY s.exam_code, s.grade_code`,
      [fiscalYearStart(fiscalYear), fiscalYearEnd(fiscalYear)],
    )) as {
      exam_code: string;
      grade_code: string;
      sittings: number;
      applicants: number;
      sat: number;
      passed: number;
      absent: number;
    }[];
    const types = await this.typeMap();
    const order = (r: { exam_code: string; grade_code: string }) => {
      const t = types.get(r.exam_code);
      return [t?.sortOrder ?? 99, t ? t.grades.findIndex((g) => g.code === r.grade_code) : 99];
    };
    rows.sort((a, b) => {
      const [x1, y1] = order(a);
      const [x2, y2] = order(b);
      return x1! - x2! || y1! - y2!;
    });
    return rows.map((r) => {
      const type = types.get(r.exam_code)!;
      const grade = gradeOf(type, r.grade_code);
      return {
        examCode: r.exam_code,
        examName: { ja: type.nameJa, en: type.nameEn },
        grade: r.grade_code,
        gradeName: { ja: grade.ja, en: grade.en },
        sittings: r.sittings,
        applicants: r.applicants,
        sat: r.sat,
        passed: r.passed,
        absent: r.absent,
        passRate: passRate(r.passed, r.sat),
      };
    });
  }

  isStaff(user: AuthUser | undefined): boolean {
    return !!user && STAFF_ROLES.includes(user.role);
  }

  private checkTimes(startsAt: Date, endsAt: Date | null, closesAt: Date): void {
    if (endsAt && endsAt.getTime() <= startsAt.getTime()) {
      throw badRequest('endsAt', 'validation.ends_before_starts');
    }
    if (closesAt.getTime() > startsAt.getTime()) {
      throw badRequest('applicationClosesAt', 'validation.closes_after_exam_starts');
    }
  }

  private async checkActionItem(code: string): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT 1 FROM action_item WHERE code = $1 LIMIT 1`, [
      code,
    ])) as unknown[];
    if (!row) {
      throw badRequest('actionItemCode', 'validation.action_item_missing', { code });
    }
  }
}
