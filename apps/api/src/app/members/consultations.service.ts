import { randomUUID } from 'crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Consultation, Page, Visit } from '@chamber/contracts';
import { CHAMBER_ROLES, CONSULTATION_ACTION_ITEMS, VISIT_ACTION_ITEM } from '@chamber/contracts';
import { fiscalYearOfDate } from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { UserAccount } from '../auth/entities/user-account.entity';
import { badRequest } from '../common/errors';
import { KpiRecord, KpiRecorder } from '../plan/kpi-recorder.service';
import type { ConsultationDto, LogQueryDto, VisitDto } from './dto/consultation.dto';
import { MemberConsultation } from './entities/member-consultation.entity';
import { MemberVisit } from './entities/member-visit.entity';
import { Member } from './entities/member.entity';
import { toConsultation, toVisit } from './member-mapper';
import { memberNotFound } from './members.service';

/**
 * Claims "the company's first entry of this kind in this fiscal year". The primary key decides
 * under concurrency: of several transactions only one inserts (the others wait for it and then see
 * the conflict), so each company counts once per kind per FY. On a conflict the claim's row is
 * locked (DO UPDATE), so an add waits for a deletion that is handing the claim on or dropping it
 * (log-corrections.service.ts), and then sees the outcome.
 */
async function claimFirst(
  manager: EntityManager,
  memberId: string,
  kind: string,
  fiscalYear: number,
  sourceId: string,
): Promise<boolean> {
  const rows = (await manager.query(
    `INSERT INTO member_fiscal_activity AS a (member_id, kind, fiscal_year, first_source_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (member_id, kind, fiscal_year) DO UPDATE SET first_source_id = a.first_source_id
     RETURNING (xmax = 0) AS inserted`,
    [memberId, kind, fiscalYear, sourceId],
  )) as { inserted: boolean }[];
  return rows[0]?.inserted === true;
}

@Injectable()
export class ConsultationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: KpiRecorder,
  ) {}

  /**
   * A consultation log entry, counted in the same transaction: consultations:<kind> +1 and, at the
   * company's first entry of the kind in the FY, distinct_members:<kind> +1 (follow-ups of founders
   * also distinct_members:follow_up:founder), all under the kind's action item.
   */
  async addConsultation(memberId: string, dto: ConsultationDto, user: AuthUser): Promise<Consultation> {
    const staffId = await this.staffId(dto.staffId, user);
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(Member, { where: { id: memberId } });
      if (!member) throw memberNotFound();
      const fiscalYear = fiscalYearOfDate(dto.date);
      const actionItemCode = CONSULTATION_ACTION_ITEMS[dto.kind];
      const id = randomUUID();
      const first = await claimFirst(manager, memberId, dto.kind, fiscalYear, id);
      const row = manager.create(MemberConsultation, {
        id,
        memberId,
        kind: dto.kind,
        date: dto.date,
        fiscalYear,
        actionItemCode,
        summary: dto.summary,
        followUpOn: dto.followUpOn ?? null,
        staffId,
        firstInFiscalYear: first,
        createdBy: user.id,
      });
      await manager.save(row);
      const count = (measure: string): KpiRecord => ({
        actionItemCode,
        measure,
        fiscalYear,
        delta: 1,
        sourceType: 'consultation',
        sourceId: id,
        authorId: user.id,
      });
      const records = [count(`consultations:${dto.kind}`)];
      if (first) records.push(count(`distinct_members:${dto.kind}`));
      // a company flagged as founder after its first follow-up still counts once, at its next one
      if (
        dto.kind === 'follow_up' &&
        member.founder &&
        (await claimFirst(manager, memberId, 'follow_up:founder', fiscalYear, id))
      )
        records.push(count('distinct_members:follow_up:founder'));
      await this.recorder.record(manager, ...records);
      return toConsultation(row, await this.staffName(manager, staffId));
    });
  }

  /** A visit (巡回訪問): visits +1 and, at the company's first visit in the FY, distinct_members:visit +1 (C1-3). */
  async addVisit(memberId: string, dto: VisitDto, user: AuthUser): Promise<Visit> {
    const staffId = await this.staffId(dto.staffId, user);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Member, { id: memberId }))) throw memberNotFound();
      const fiscalYear = fiscalYearOfDate(dto.date);
      const id = randomUUID();
      const first = await claimFirst(manager, memberId, 'visit', fiscalYear, id);
      const row = manager.create(MemberVisit, {
        id,
        memberId,
        date: dto.date,
        fiscalYear,
        note: dto.note,
        staffId,
        firstInFiscalYear: first,
        createdBy: user.id,
      });
      await manager.save(row);
      const count = (measure: string): KpiRecord => ({
        actionItemCode: VISIT_ACTION_ITEM,
        measure,
        fiscalYear,
        delta: 1,
        sourceType: 'visit',
        sourceId: id,
        authorId: user.id,
      });
      await this.recorder.record(manager, count('visits'), ...(first ? [count('distinct_members:visit')] : []));
      return toVisit(row, await this.staffName(manager, staffId));
    });
  }

  async consultations(query: LogQueryDto): Promise<Page<Consultation>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.dataSource
      .getRepository(MemberConsultation)
      .createQueryBuilder('c')
      .innerJoin(Member, 'm', 'm.id = c.member_id')
      .leftJoin(UserAccount, 'u', 'u.id = c.staff_id')
      .addSelect(['m.name AS member_name', 'u.display_name AS staff_name']);
    if (query.memberId) qb.andWhere('c.member_id = :memberId', { memberId: query.memberId });
    if (query.fiscalYear) qb.andWhere('c.fiscal_year = :fy', { fy: query.fiscalYear });
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('c.consulted_on', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities<{ member_name: string; staff_name: string | null }>();
    return {
      items: entities.map((c, i) => toConsultation(c, raw[i]?.staff_name ?? null, raw[i]?.member_name)),
      total,
      page,
      pageSize,
    };
  }

  async visits(query: LogQueryDto): Promise<Page<Visit>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.dataSource
      .getRepository(MemberVisit)
      .createQueryBuilder('v')
      .innerJoin(Member, 'm', 'm.id = v.member_id')
      .leftJoin(UserAccount, 'u', 'u.id = v.staff_id')
      .addSelect(['m.name AS member_name', 'u.display_name AS staff_name']);
    if (query.memberId) qb.andWhere('v.member_id = :memberId', { memberId: query.memberId });
    if (query.fiscalYear) qb.andWhere('v.fiscal_year = :fy', { fy: query.fiscalYear });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('v.visited_on', 'DESC')
      .addOrderBy('v.created_at', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities<{ member_name: string; staff_name: string | null }>();
    return {
      items: entities.map((v, i) => toVisit(v, raw[i]?.staff_name ?? null, raw[i]?.member_name)),
      total,
      page,
      pageSize,
    };
  }

  /** The staff member named on an entry: one of the chamber's people, the caller by default. */
  private async staffId(given: string | undefined, user: AuthUser): Promise<string> {
    if (!given) return user.id;
    const staff = await this.dataSource.getRepository(UserAccount).findOne({ where: { id: given } });
    if (!staff || !CHAMBER_ROLES.includes(staff.role)) throw badRequest('staffId', 'validation.unknown_staff');
    return staff.id;
  }

  private async staffName(manager: EntityManager, staffId: string | null): Promise<string | null> {
    if (!staffId) return null;
    const u = await manager.findOne(UserAccount, { where: { id: staffId } });
    return u ? u.displayName || u.email : null;
  }
}
