import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { MemberDetail, MemberProfile, MemberSummary, Page } from '@chamber/contracts';
import { MEMBER_PROFILE_FIELDS, MEMBERSHIP_ACTION_ITEM } from '@chamber/contracts';
import { corporateNumberQuery, memberSearchKey, membershipKpiDeltas, searchKey } from '@chamber/domain';
import type { AuthUser } from '../auth/auth.decorators';
import { UserAccount } from '../auth/entities/user-account.entity';
import { badRequest, conflict, forbidden, notFound } from '../common/errors';
import { KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import type { CreateMemberDto, MemberSearchQueryDto, UpdateMemberDto } from './dto/member.dto';
import { MemberPerson } from './entities/member-person.entity';
import { Member } from './entities/member.entity';
import { assertCanEdit, assertCanRead, isStaff } from './member-access';
import { toPerson, toProfile, toSummary } from './member-mapper';

/** LIKE pattern of a search term: the term anywhere, wildcards in it taken literally. */
export const likeAnywhere = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The search terms of a query: digits of a corporate number, or the kana/width-insensitive words. */
export function searchTerms(q: string | undefined): string[] {
  if (!q?.trim()) return [];
  const digits = corporateNumberQuery(q);
  if (digits) return [digits];
  return q
    .normalize('NFKC')
    .split(/[\s\u3000]+/)
    .map(searchKey)
    .filter((t) => t.length > 0)
    .slice(0, 5);
}

export const duplicateCorporateNumber = () => conflict('duplicate_corporate_number');

const isUniqueViolation = (e: unknown) =>
  e instanceof QueryFailedError && (e.driverError as { code?: string } | undefined)?.code === '23505';

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: KpiRecorder,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async search(query: MemberSearchQueryDto): Promise<Page<MemberSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(Member).createQueryBuilder('m');
    searchTerms(query.q).forEach((term, i) =>
      qb.andWhere(`m.search_key LIKE :t${i}`, { [`t${i}`]: likeAnywhere(term) }),
    );
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.ward) qb.andWhere('m.ward = :ward', { ward: query.ward });
    const [rows, total] = await qb
      .orderBy('m.name_kana', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toSummary), total, page, pageSize };
  }

  /** Every company matching the query, for the CSV export. */
  async exportRows(query: { q?: string; status?: MemberSearchQueryDto['status'] }): Promise<Member[]> {
    const qb = this.dataSource.getRepository(Member).createQueryBuilder('m');
    searchTerms(query.q).forEach((term, i) =>
      qb.andWhere(`m.search_key LIKE :t${i}`, { [`t${i}`]: likeAnywhere(term) }),
    );
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    return qb.orderBy('m.name_kana', 'ASC').addOrderBy('m.id', 'ASC').getMany();
  }

  async get(id: string, user: AuthUser): Promise<MemberDetail> {
    assertCanRead(user, id);
    const member = await this.dataSource.getRepository(Member).findOne({ where: { id } });
    if (!member) throw memberNotFound();
    const [people, accounts] = await Promise.all([
      this.dataSource
        .getRepository(MemberPerson)
        .find({ where: { memberId: id }, order: { primary: 'DESC', nameKana: 'ASC' } }),
      this.dataSource.getRepository(UserAccount).find({ where: { memberId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      ...toProfile(member),
      people: people.map(toPerson),
      accounts: accounts.map((a) => ({
        id: a.id,
        email: a.email,
        role: a.role === 'member_admin' ? 'member_admin' : 'member',
        displayName: a.displayName,
        active: a.active,
      })),
    };
  }

  /** A new member company; its joining counts in C1-9 (members_joined, FY of joinedOn) in the same transaction. */
  async create(dto: CreateMemberDto, user: AuthUser): Promise<MemberProfile> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (dto.corporateNumber && (await manager.existsBy(Member, { corporateNumber: dto.corporateNumber })))
          throw duplicateCorporateNumber();
        const member = manager.create(Member, {
          ...definedOnly(dto),
          corporateNumber: dto.corporateNumber ?? null,
          employees: dto.employees ?? null,
          status: 'active',
          leftOn: null,
        });
        await manager.save(member);
        await this.recordMembership(manager, member, null, user);
        await this.webhooks.record(manager, 'member.created', { memberId: member.id, status: member.status });
        return toProfile(member);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateCorporateNumber();
      throw e;
    }
  }

  /**
   * Staff change any field (leftOn records leaving); a member_admin only the profile fields of their
   * own company. Membership date changes move C1-9 in the same transaction.
   */
  async update(id: string, dto: UpdateMemberDto, user: AuthUser): Promise<MemberProfile> {
    assertCanEdit(user, id);
    if (!isStaff(user)) {
      const others = Object.keys(definedOnly(dto)).filter(
        (k) => !(MEMBER_PROFILE_FIELDS as readonly string[]).includes(k),
      );
      if (others.length) throw forbidden('staff_only_fields', { fields: others });
    }
    if (dto.joinedOn === null) throw badRequest('joinedOn', 'validation.joined_on_required');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const member = await manager.findOne(Member, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!member) throw memberNotFound();
        const before = { joinedOn: member.joinedOn, leftOn: member.leftOn };
        if (
          dto.corporateNumber &&
          dto.corporateNumber !== member.corporateNumber &&
          (await manager.existsBy(Member, { corporateNumber: dto.corporateNumber }))
        )
          throw duplicateCorporateNumber();
        const { status, ...fields } = dto;
        Object.assign(member, definedOnly(fields));
        applyStatus(member, status);
        if (member.leftOn && member.joinedOn && member.leftOn < member.joinedOn)
          throw badRequest('leftOn', 'validation.left_before_joined');
        member.searchKey = memberSearchKey(member.name, member.nameKana, member.corporateNumber);
        await manager.save(member);
        await this.recordMembership(manager, member, before, user);
        // leaving is its own event; any other change (leaving undone included) is an update
        const left = !before.leftOn && Boolean(member.leftOn);
        await this.webhooks.record(
          manager,
          left ? 'member.left' : 'member.updated',
          left
            ? { memberId: member.id, leftOn: member.leftOn }
            : { memberId: member.id, status: member.status, fields: Object.keys(definedOnly(dto)).sort() },
        );
        return toProfile(member);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateCorporateNumber();
      throw e;
    }
  }

  private async recordMembership(
    manager: EntityManager,
    member: Member,
    before: { joinedOn: string | null; leftOn: string | null } | null,
    user: AuthUser,
  ): Promise<void> {
    const deltas = membershipKpiDeltas(before, { joinedOn: member.joinedOn, leftOn: member.leftOn });
    await this.recorder.record(
      manager,
      ...deltas.map((d) => ({
        actionItemCode: MEMBERSHIP_ACTION_ITEM,
        measure: d.measure,
        fiscalYear: d.fiscalYear,
        delta: d.delta,
        sourceType: 'member',
        sourceId: member.id,
        authorId: user.id,
      })),
    );
  }
}

/** The properties a request gave (a DTO instance may carry the others as undefined). */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const memberNotFound = () => notFound('member_not_found');

/** `left` goes with a leaving date: recording leftOn sets it, clearing leftOn returns to active. */
function applyStatus(member: Member, status: Member['status'] | undefined): void {
  if (member.leftOn) {
    if (status && status !== 'left') throw badRequest('status', 'validation.left_member_status');
    member.status = 'left';
  } else {
    if (status === 'left') throw badRequest('leftOn', 'validation.left_on_required');
    member.status = status ?? (member.status === 'left' ? 'active' : member.status);
  }
}
