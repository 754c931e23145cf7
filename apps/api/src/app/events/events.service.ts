import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CancelEventResponse,
  CreateEventRequest,
  EventDetail,
  EventListQuery,
  EventSummary,
  UpdateEventRequest,
} from '@chamber/contracts';
import { fiscalYearOf, tokyoInstant } from '@chamber/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { badRequest, conflict, unauthorized } from '../common/errors';
import { MailOutbox } from '../mail/mail-outbox.service';
import { ActionItem } from '../plan/entities/action-item.entity';
import { KpiRecord, KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { ChamberEvent } from './entities/event.entity';
import { eventKpi, KpiEventRef } from './event-kpi';
import { eventDetail, eventSummary, unknownEvent } from './event-views';
import { LOCK_EVENT_SQL, LockedEventRow } from './seat-sql';
import { queryRows } from './sql-rows';
import { WaitlistService } from './waitlist.service';

const MAX_LIST = 500;

/** Events: staff create, edit, cancel and mark them held; everyone reads the ones they may see. */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpi: KpiRecorder,
    private readonly mail: MailOutbox,
    private readonly waitlist: WaitlistService,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async list(q: EventListQuery & { limit?: number }, user: AuthUser | undefined): Promise<EventSummary[]> {
    const qb = this.dataSource.getRepository(ChamberEvent).createQueryBuilder('e');
    if (!user) qb.andWhere(`e.audience <> 'members'`);
    if (q.kind) qb.andWhere('e.kind = :kind', { kind: q.kind });
    if (q.audience) qb.andWhere('e.audience = :audience', { audience: q.audience });
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.from) qb.andWhere('e.starts_at >= :from', { from: this.instant('from', q.from, false) });
    if (q.to) qb.andWhere('e.starts_at < :to', { to: this.instant('to', q.to, true) });
    const rows = await qb
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(Math.min(q.limit ?? MAX_LIST, MAX_LIST))
      .getMany();
    const now = new Date();
    return rows.map((e) => eventSummary(e, now));
  }

  /** One event for someone who may see it: members-only events need sign-in (401). */
  async visibleEvent(id: string, user: AuthUser | undefined): Promise<ChamberEvent> {
    const event = await this.dataSource.getRepository(ChamberEvent).findOneBy({ id });
    if (!event) throw unknownEvent();
    if (event.audience === 'members' && !user) throw unauthorized();
    return event;
  }

  async detail(id: string, user: AuthUser | undefined): Promise<EventDetail> {
    return eventDetail(await this.visibleEvent(id, user));
  }

  async create(dto: CreateEventRequest, user: AuthUser): Promise<EventDetail> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    this.checkTimes(startsAt, endsAt, dto.registrationOpensAt ?? null, dto.registrationClosesAt ?? null);
    await this.checkActionItem(dto.actionItemCode);
    this.checkInvited(dto.kind, dto.invitedCount ?? null);
    const saved = await this.dataSource.transaction(async (m) => {
      const event = await m.save(
        m.create(ChamberEvent, {
          kind: dto.kind,
          titleJa: dto.title.ja,
          titleEn: dto.title.en ?? '',
          descriptionJa: dto.description?.ja ?? '',
          descriptionEn: dto.description?.en ?? '',
          actionItemCode: dto.actionItemCode,
          startsAt,
          endsAt,
          venue: dto.venue,
          capacity: dto.capacity,
          audience: dto.audience,
          registrationOpensAt: dto.registrationOpensAt ? new Date(dto.registrationOpensAt) : null,
          registrationClosesAt: dto.registrationClosesAt ? new Date(dto.registrationClosesAt) : null,
          invitedCount: dto.invitedCount ?? null,
          createdBy: user.id,
        }),
      );
      if (event.invitedCount) {
        await this.kpi.record(m, eventKpi(event, 'invited', event.invitedCount, 'event_invited', event.id, user.id));
      }
      return event;
    });
    return eventDetail(saved);
  }

  /** PATCH: raising the capacity promotes as many waitlisted as now fit, in the same transaction. */
  async update(
    id: string,
    dto: UpdateEventRequest,
    user: AuthUser,
  ): Promise<EventDetail & { promotedRegistrationIds: string[] }> {
    if (dto.actionItemCode !== undefined) await this.checkActionItem(dto.actionItemCode);
    return this.dataSource.transaction(async (m) => {
      const [locked] = (await m.query(LOCK_EVENT_SQL, [id])) as LockedEventRow[];
      if (!locked) throw unknownEvent();
      const event = await m.findOneByOrFail(ChamberEvent, { id });
      if (event.status === 'cancelled') {
        throw conflict('event_cancelled');
      }
      const before: KpiEventRef = { id, actionItemCode: event.actionItemCode, startsAt: event.startsAt };
      const invitedBefore = event.invitedCount ?? 0;
      if (dto.kind !== undefined) event.kind = dto.kind;
      if (dto.title?.ja !== undefined) event.titleJa = dto.title.ja;
      if (dto.title?.en !== undefined) event.titleEn = dto.title.en;
      if (dto.description?.ja !== undefined) event.descriptionJa = dto.description.ja;
      if (dto.description?.en !== undefined) event.descriptionEn = dto.description.en;
      if (dto.actionItemCode !== undefined) event.actionItemCode = dto.actionItemCode;
      if (dto.startsAt !== undefined) event.startsAt = new Date(dto.startsAt);
      if (dto.endsAt !== undefined) event.endsAt = new Date(dto.endsAt);
      if (dto.venue !== undefined) event.venue = dto.venue;
      if (dto.audience !== undefined) event.audience = dto.audience;
      if (dto.registrationOpensAt !== undefined) {
        event.registrationOpensAt = dto.registrationOpensAt ? new Date(dto.registrationOpensAt) : null;
      }
      if (dto.registrationClosesAt !== undefined) {
        event.registrationClosesAt = dto.registrationClosesAt ? new Date(dto.registrationClosesAt) : null;
      }
      if (dto.invitedCount !== undefined) event.invitedCount = dto.invitedCount;
      if (dto.capacity !== undefined) {
        if (dto.capacity < event.taken) {
          throw badRequest('capacity', 'validation.capacity_below_taken', { taken: event.taken });
        }
        event.capacity = dto.capacity;
      }
      this.checkTimes(event.startsAt, event.endsAt, event.registrationOpensAt, event.registrationClosesAt);
      this.checkInvited(event.kind, event.invitedCount);
      await m.save(event);

      const after: KpiEventRef = { id, actionItemCode: event.actionItemCode, startsAt: event.startsAt };
      const records: KpiRecord[] = [];
      if (
        before.actionItemCode !== after.actionItemCode ||
        fiscalYearOf(before.startsAt) !== fiscalYearOf(after.startsAt)
      ) {
        records.push(...(await this.movedCounters(m, before, after, invitedBefore, user.id)));
      }
      records.push(eventKpi(after, 'invited', (event.invitedCount ?? 0) - invitedBefore, 'event_invited', id, user.id));
      // one order for every counter key, so that two moves in opposite directions cannot deadlock
      records.sort((a, b) =>
        `${a.actionItemCode}|${a.measure}|${a.fiscalYear}`.localeCompare(
          `${b.actionItemCode}|${b.measure}|${b.fiscalYear}`,
        ),
      );
      await this.kpi.record(m, ...records);

      const promoted = await this.waitlist.promote(
        m,
        { ...locked, capacity: event.capacity, taken: event.taken, waitlist_count: event.waitlistCount },
        user.id,
      );
      const fresh = await m.findOneByOrFail(ChamberEvent, { id });
      return { ...eventDetail(fresh), promotedRegistrationIds: promoted };
    });
  }

  /**
   * When an event changes action item or fiscal year, everything it already counted moves with it:
   * taken out of the old counters and added to the new ones, as ledger rows.
   */
  private async movedCounters(
    m: EntityManager,
    from: KpiEventRef,
    to: KpiEventRef,
    invitedBefore: number,
    actorId: string,
  ): Promise<KpiRecord[]> {
    const [counts] = (await m.query(
      `SELECT count(*) FILTER (WHERE status IN ('registered', 'attended'))::int AS registrations,
              count(*) FILTER (WHERE status = 'attended')::int AS attendance
       FROM registration WHERE event_id = $1`,
      [from.id],
    )) as { registrations: number; attendance: number }[];
    const outcomes = (await m.query(
      `SELECT o.type, count(*)::int AS n FROM registration_outcome o JOIN registration r ON r.id = o.registration_id
       WHERE r.event_id = $1 GROUP BY o.type`,
      [from.id],
    )) as { type: string; n: number }[];
    const [{ held }] = (await m.query(`SELECT held_at IS NOT NULL AS held FROM event WHERE id = $1`, [from.id])) as {
      held: boolean;
    }[];
    const measures: [string, number][] = [
      ['registrations', counts!.registrations],
      ['attendance', counts!.attendance],
      ['events_held', held ? 1 : 0],
      ['invited', invitedBefore],
      ...outcomes.map((o): [string, number] => [`outcome:${o.type}`, o.n]),
    ];
    return measures.flatMap(([measure, n]) => [
      eventKpi(from, measure, -n, 'event_moved', from.id, actorId),
      eventKpi(to, measure, n, 'event_moved', from.id, actorId),
    ]);
  }

  /** POST /api/events/:id/cancel: registrations end, their counts come off, registrants are told. */
  async cancel(id: string, reason: string | null, user: AuthUser): Promise<CancelEventResponse> {
    return this.dataSource.transaction(async (m) => {
      const [event] = (await m.query(LOCK_EVENT_SQL, [id])) as LockedEventRow[];
      if (!event) throw unknownEvent();
      if (event.status !== 'scheduled') {
        throw event.status === 'cancelled' ? conflict('event_cancelled.again') : conflict('event_held');
      }
      const cancelled = await queryRows<{ id: string; name: string; email: string }>(
        m,
        `UPDATE registration SET status = 'cancelled', cancelled_at = now()
         WHERE event_id = $1 AND status IN ('registered', 'waitlisted') RETURNING id, name, email`,
        [id],
      );
      await m.query(
        `UPDATE event SET status = 'cancelled', cancelled_at = now(), taken = 0, waitlist_count = 0, updated_at = now()
         WHERE id = $1`,
        [id],
      );
      const ref: KpiEventRef = { id, actionItemCode: event.action_item_code, startsAt: event.starts_at };
      await this.kpi.record(
        m,
        eventKpi(ref, 'registrations', -event.taken, 'event_cancelled', id, user.id),
        eventKpi(ref, 'invited', -(event.invited_count ?? 0), 'event_cancelled', id, user.id),
      );
      await this.mail.enqueue(
        m,
        ...cancelled.map((r) => ({ kind: 'event_cancelled', to: r.email, relatedId: r.id, params: { reason } })),
      );
      await this.webhooks.record(
        m,
        'registration.cancelled',
        ...cancelled.map((r) => ({ registrationId: r.id, eventId: id, reason: 'event_cancelled' })),
      );
      return { id, status: 'cancelled', cancelledRegistrations: cancelled.length, notified: cancelled.length };
    });
  }

  /** POST /api/events/:id/held: counts a started event as held once (the first check-in does the same). */
  async markHeld(id: string, user: AuthUser): Promise<EventDetail> {
    await this.dataSource.transaction(async (m) => {
      const held = await queryRows<{ id: string; action_item_code: string; starts_at: Date }>(
        m,
        `UPDATE event SET status = 'held', held_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'scheduled' AND starts_at <= now() RETURNING id, action_item_code, starts_at`,
        [id],
      );
      if (held.length) {
        const ref = { id, actionItemCode: held[0]!.action_item_code, startsAt: held[0]!.starts_at };
        await this.kpi.record(m, eventKpi(ref, 'events_held', 1, 'event_held', id, user.id));
        return;
      }
      const event = await m.findOneBy(ChamberEvent, { id });
      if (!event) throw unknownEvent();
      if (event.status === 'cancelled') {
        throw conflict('event_cancelled.not_held');
      }
      if (event.status === 'scheduled') {
        throw conflict('not_started');
      }
    });
    return eventDetail(await this.dataSource.getRepository(ChamberEvent).findOneByOrFail({ id }));
  }

  private instant(field: string, value: string, endOfDay: boolean): Date {
    const d = tokyoInstant(value, endOfDay);
    if (!d) throw badRequest(field, 'validation.not_a_day');
    return d;
  }

  private checkTimes(
    startsAt: Date,
    endsAt: Date,
    opensAt: Date | string | null,
    closesAt: Date | string | null,
  ): void {
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw badRequest('endsAt', 'validation.ends_before_starts');
    }
    if (opensAt && closesAt && new Date(closesAt).getTime() <= new Date(opensAt).getTime()) {
      throw badRequest('registrationClosesAt', 'validation.closes_before_opens');
    }
  }

  private checkInvited(kind: string, invited: number | null): void {
    if (invited !== null && invited !== undefined && kind !== 'member_gathering') {
      throw badRequest('invitedCount', 'validation.invited_count_gatherings_only');
    }
  }

  private async checkActionItem(code: string): Promise<void> {
    if (!(await this.dataSource.getRepository(ActionItem).existsBy({ code }))) {
      throw badRequest('actionItemCode', 'validation.no_such_action_item', { code });
    }
  }
}
