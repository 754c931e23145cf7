import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Language,
  ExamApplication as ExamApplicationView,
  ExamApplicationReceipt,
  ExamApplicationStatus,
  ExamCancelResponse,
  ExamCandidate,
  ExamFeeStatus,
  PublicExamApplicationLookup,
} from '@chamber/contracts';
import { STAFF_ROLES } from '@chamber/contracts';
import { examineeNumber } from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { FieldProblem, badRequest, conflict, forbidden, notFound, unauthorized, invalidFields } from '../common/errors';
import { LinkTokens, tokenHash } from '../common/link-tokens';
import { MailOutbox } from '../mail/mail-outbox.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { ExamApplication } from './entities/exam-application.entity';
import { ExamSitting } from './entities/exam-sitting.entity';
import { ExamSittingsService } from './exam-sittings.service';
import { toApplicationView } from './exam-views';

const isStaff = (user: AuthUser | undefined) => !!user && STAFF_ROLES.includes(user.role);

const NOT_FOUND = () => notFound('application_not_found');

/**
 * Applications: seats and examinee numbers are taken under the sitting's row lock, so concurrent
 * applications never overbook and numbers come out in arrival order without gaps.
 */
@Injectable()
export class ExamApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sittings: ExamSittingsService,
    private readonly mail: MailOutbox,
    private readonly tokens: LinkTokens,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /**
   * Applies for every candidate or none. `caller` is undefined for applicants without an account
   * (public sittings only: one candidate, with birth date and phone).
   */
  async apply(
    sittingId: string,
    candidates: ExamCandidate[],
    caller: AuthUser | undefined,
    /** the form's language: the applicant's own confirmation is written in it, others' in Japanese */
    lang: Language = 'ja',
  ): Promise<ExamApplicationReceipt[]> {
    this.checkCaller(candidates, caller);
    const dupe = candidates.findIndex((c, i) =>
      candidates.some((o, j) => j < i && o.email === c.email && o.nameKana === c.nameKana),
    );
    if (dupe >= 0) {
      throw badRequest(`candidates.${dupe}.email`, 'validation.candidate_twice');
    }

    return this.dataSource.transaction(async (m) => {
      const s = await this.lockSitting(m, sittingId);
      if (!caller && s.audience !== 'public') throw unauthorized();
      const now = new Date();
      if (now.getTime() > s.applicationClosesAt.getTime()) {
        throw conflict('application_closed');
      }
      const seatsLeft = Math.max(0, s.capacity - s.appliedCount);
      if (candidates.length > seatsLeft) {
        throw conflict('exam_full', { seatsLeft }, { seatsLeft });
      }
      const existing = (await m.query(
        `SELECT email, name_kana FROM exam_application
          WHERE sitting_id = $1 AND status = 'applied' AND email = ANY($2::text[])`,
        [s.id, candidates.map((c) => c.email)],
      )) as { email: string; name_kana: string }[];
      const taken = candidates.findIndex((c) =>
        existing.some((e) => e.email === c.email && e.name_kana === c.nameKana),
      );
      if (taken >= 0) {
        throw conflict('already_applied', { name: candidates[taken]!.name });
      }

      const first = s.lastNumber + 1;
      await m.query(
        `UPDATE exam_sitting SET applied_count = applied_count + $2, last_number = last_number + $2 WHERE id = $1`,
        [s.id, candidates.length],
      );
      const rows = candidates.map((c, i) => {
        // the id is made here: the cancel token is derived from it
        const id = randomUUID();
        return m.create(ExamApplication, {
          id,
          sittingId: s.id,
          seq: first + i,
          examineeNumber: examineeNumber(s.code, first + i),
          status: 'applied' as ExamApplicationStatus,
          name: c.name,
          nameKana: c.nameKana,
          email: c.email,
          birthDate: c.birthDate ?? null,
          phone: c.phone ?? null,
          memberId: caller && !isStaff(caller) ? caller.memberId : null,
          userId: caller && !isStaff(caller) && c.email === caller.email.toLowerCase() ? caller.id : null,
          appliedBy: caller?.id ?? null,
          channel: !caller ? 'public' : isStaff(caller) ? 'staff' : 'member',
          fee: s.fee,
          feeStatus: 'unpaid' as ExamFeeStatus,
          cancelTokenHash: caller ? null : this.tokens.hash('exam_cancel', id),
        });
      });
      await m.insert(ExamApplication, rows);
      await this.mail.enqueue(
        m,
        ...rows.map((a) => ({
          kind: 'exam_application_confirmed',
          to: a.email,
          relatedId: a.id,
          lang: !caller || a.email === caller.email.toLowerCase() ? lang : ('ja' as const),
        })),
      );
      await this.webhooks.record(
        m,
        'exam_application.created',
        ...rows.map((a) => ({
          applicationId: a.id,
          sittingId: s.id,
          examineeNumber: a.examineeNumber,
          channel: a.channel,
          memberId: a.memberId,
        })),
      );
      return rows.map((a) => ({
        id: a.id,
        status: a.status,
        examineeNumber: a.examineeNumber,
        ...(a.cancelTokenHash ? { cancelToken: this.tokens.token('exam_cancel', a.id) } : {}),
      }));
    });
  }

  /** The applicant (or the company contact) within the window; staff until a result is recorded. */
  async cancel(id: string, caller: AuthUser): Promise<ExamCancelResponse> {
    const found = await this.dataSource.getRepository(ExamApplication).findOne({ where: { id } });
    if (!found) throw NOT_FOUND();
    this.checkOwner(found, caller);
    return this.cancelLocked(found.id, found.sittingId, caller);
  }

  async cancelByToken(token: string): Promise<ExamCancelResponse> {
    const found = await this.dataSource
      .getRepository(ExamApplication)
      .findOne({ where: { cancelTokenHash: tokenHash(token) } });
    if (!found) throw notFound('unknown_cancellation_code');
    return this.cancelLocked(found.id, found.sittingId, undefined);
  }

  /** POST /api/public/exam-applications/lookup: the application a cancel link holds, without contact details. */
  async lookupByToken(token: string): Promise<PublicExamApplicationLookup> {
    const found = await this.dataSource
      .getRepository(ExamApplication)
      .findOne({ where: { cancelTokenHash: tokenHash(token) } });
    if (!found) throw notFound('unknown_cancellation_code');
    const v = await this.view(this.dataSource.manager, found);
    return {
      id: v.id,
      status: v.status,
      examineeNumber: v.examineeNumber,
      name: v.name,
      sitting: v.sitting,
      cancellable: v.cancellable,
    };
  }

  /** Staff record whether the fee is paid (or waived). */
  async setFeeStatus(id: string, feeStatus: ExamFeeStatus): Promise<ExamApplicationView> {
    return this.dataSource.transaction(async (m) => {
      const a = await m.findOne(ExamApplication, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw NOT_FOUND();
      a.feeStatus = feeStatus;
      await m.save(a);
      return this.view(m, a);
    });
  }

  /** A member's own applications, a company contact's company's, or (staff) any sitting's. */
  async list(caller: AuthUser, sittingId?: string): Promise<ExamApplicationView[]> {
    const qb = this.dataSource
      .getRepository(ExamApplication)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.sitting', 's')
      .orderBy('s.startsAt', 'DESC')
      .addOrderBy('a.seq', 'ASC');
    if (sittingId) qb.andWhere('a.sittingId = :sittingId', { sittingId });
    if (caller.role === 'member') {
      qb.andWhere('(a.userId = :uid OR (a.memberId = :mid AND a.email = :email))', {
        uid: caller.id,
        mid: caller.memberId,
        email: caller.email.toLowerCase(),
      });
    } else if (caller.role === 'member_admin') {
      if (!caller.memberId) return [];
      qb.andWhere('a.memberId = :mid', { mid: caller.memberId });
    } else if (!sittingId) {
      qb.take(2000);
    }
    const rows = await qb.getMany();
    return this.views(this.dataSource.manager, rows);
  }

  async views(m: EntityManager, rows: ExamApplication[]): Promise<ExamApplicationView[]> {
    if (!rows.length) return [];
    const types = await this.sittings.typeMap(m);
    const memberIds = [...new Set(rows.map((r) => r.memberId).filter((x): x is string => !!x))];
    const companies = new Map<string, string>();
    if (memberIds.length) {
      const members = (await m.query(`SELECT id, name FROM member WHERE id = ANY($1::uuid[])`, [memberIds])) as {
        id: string;
        name: string;
      }[];
      for (const r of members) companies.set(r.id, r.name);
    }
    const sittings = new Map<string, ExamSitting>();
    for (const r of rows) if (r.sitting) sittings.set(r.sittingId, r.sitting);
    const missing = [...new Set(rows.map((r) => r.sittingId))].filter((id) => !sittings.has(id));
    for (const id of missing) sittings.set(id, await this.sittings.find(id, m));
    const now = new Date();
    return rows.map((r) => {
      const s = sittings.get(r.sittingId)!;
      return toApplicationView(
        r,
        s,
        types.get(s.examCode)!,
        r.memberId ? (companies.get(r.memberId) ?? null) : null,
        now,
      );
    });
  }

  async view(m: EntityManager, a: ExamApplication): Promise<ExamApplicationView> {
    const [v] = await this.views(m, [a]);
    return v!;
  }

  /** 403 unless the caller is staff, the applicant, or the applicant's company contact. */
  checkOwner(a: ExamApplication, caller: AuthUser): void {
    if (isStaff(caller)) return;
    if (caller.role === 'member_admin' && caller.memberId && a.memberId === caller.memberId) return;
    if (
      caller.role === 'member' &&
      (a.userId === caller.id || (a.memberId === caller.memberId && a.email === caller.email.toLowerCase()))
    ) {
      return;
    }
    throw forbidden('not_your_application');
  }

  private async cancelLocked(id: string, sittingId: string, caller: AuthUser | undefined): Promise<ExamCancelResponse> {
    return this.dataSource.transaction(async (m) => {
      // the sitting first, then the application: the same order as applying, so no deadlock
      const s = await this.lockSitting(m, sittingId);
      const a = await m.findOne(ExamApplication, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw NOT_FOUND();
      if (a.status === 'cancelled') {
        throw conflict('already_cancelled.application');
      }
      if (a.result !== null) {
        throw conflict('result_recorded');
      }
      if (!isStaff(caller) && Date.now() > s.applicationClosesAt.getTime()) {
        throw conflict('cancellation_closed');
      }
      a.status = 'cancelled';
      a.cancelledAt = new Date();
      await m.save(a);
      await m.query(`UPDATE exam_sitting SET applied_count = applied_count - 1 WHERE id = $1`, [s.id]);
      await this.mail.enqueue(m, { kind: 'exam_application_cancelled', to: a.email, relatedId: a.id });
      return { id: a.id, status: 'cancelled' as const, cancelledAt: a.cancelledAt.toISOString() };
    });
  }

  private async lockSitting(m: EntityManager, id: string): Promise<ExamSitting> {
    const s = await m.findOne(ExamSitting, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw notFound('sitting_not_found');
    return s;
  }

  private checkCaller(candidates: ExamCandidate[], caller: AuthUser | undefined): void {
    if (!caller) {
      const problems: FieldProblem[] = [];
      if (candidates.length !== 1) problems.push({ field: 'candidates', key: 'arrayMaxSize', n: 1 });
      candidates.forEach((c, i) => {
        if (!c.birthDate) problems.push({ field: `candidates.${i}.birthDate`, key: 'isNotEmpty' });
        if (!c.phone) problems.push({ field: `candidates.${i}.phone`, key: 'isNotEmpty' });
      });
      if (problems.length) throw invalidFields(problems);
      return;
    }
    if (caller.role === 'manager') {
      throw forbidden('manager_cannot_apply');
    }
    if (caller.role === 'member') {
      if (candidates.length !== 1 || candidates[0]!.email !== caller.email.toLowerCase()) {
        throw forbidden('employee_applies_for_self');
      }
    }
    if (caller.role === 'member_admin' && !caller.memberId) {
      throw forbidden('no_member_company.exam');
    }
  }
}
