import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CheckInResponse, OutcomeType, OutcomeView } from '@chamber/contracts';
import { isEarlyCheckIn, isOutcomeAllowed, outcomeMeasure, outcomeTypesFor, parseCheckInCode } from '@chamber/domain';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { badRequest, conflict } from '../common/errors';
import { tokenHash } from '../common/link-tokens';
import { KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { ChamberEvent } from './entities/event.entity';
import { RegistrationOutcome } from './entities/registration-outcome.entity';
import { Registration } from './entities/registration.entity';
import { eventKpi } from './event-kpi';
import { conflictOn, isUniqueViolation, unknownRegistration } from './event-views';
import { queryRows } from './sql-rows';

/** 409 not_yet: a check-in before the event's day that staff have not confirmed (`?early=true`). */
export function notYet() {
  return conflict('not_yet');
}

/** The day of the event: check-in (by id or scanned QR code) and the outcomes recorded after it. */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpi: KpiRecorder,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /** POST /api/check-in: the registration whose QR code was scanned. */
  async checkInByToken(
    scanned: string,
    eventId: string | undefined,
    user: AuthUser,
    opts: { early?: boolean } = {},
  ): Promise<CheckInResponse> {
    const token = parseCheckInCode(scanned);
    const reg = token
      ? await this.dataSource.getRepository(Registration).findOneBy({ checkInTokenHash: tokenHash(token) })
      : null;
    if (!reg) throw unknownRegistration('token');
    if (eventId && reg.eventId !== eventId) {
      throw conflictOn('token', 'other_event');
    }
    return this.checkIn(reg.id, user, opts);
  }

  /**
   * POST /api/registrations/:id/check-in: `attendance` +1 the first time only; the first check-in
   * once the event has started marks it held (`events_held` +1 once). Before the event's day it is
   * refused (409 not_yet) unless staff confirm it (`early`); an early check-in never marks it held.
   * Repeating it answers the first check-in's time.
   */
  async checkIn(id: string, user: AuthUser, opts: { early?: boolean } = {}): Promise<CheckInResponse> {
    const reg = await this.dataSource.getRepository(Registration).findOneBy({ id });
    if (!reg) throw unknownRegistration();
    const event = await this.dataSource.getRepository(ChamberEvent).findOneByOrFail({ id: reg.eventId });
    if (!opts.early && reg.status === 'registered' && isEarlyCheckIn(event.startsAt)) {
      throw notYet();
    }
    return this.dataSource.transaction(async (m) => {
      // the event row first (the lock order of every seat change); only while it is still scheduled
      // and once it has started
      const held = await queryRows<{ id: string }>(
        m,
        `UPDATE event SET status = 'held', held_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'scheduled' AND starts_at <= now() RETURNING id`,
        [reg.eventId],
      );
      const rows = await queryRows<{ checked_in_at: Date }>(
        m,
        `UPDATE registration SET status = 'attended', checked_in_at = now(), checked_in_by = $2
         WHERE id = $1 AND status = 'registered' RETURNING checked_in_at`,
        [id, user.id],
      );
      const base = { id, status: 'attended' as const, name: reg.name, nameKana: reg.nameKana, eventId: reg.eventId };
      if (!rows.length) {
        const [now] = (await m.query(`SELECT status, checked_in_at FROM registration WHERE id = $1`, [id])) as {
          status: string;
          checked_in_at: Date | null;
        }[];
        if (now?.status === 'attended') {
          return {
            ...base,
            checkedInAt: now.checked_in_at!.toISOString(),
            alreadyCheckedIn: true,
            eventMarkedHeld: false,
          };
        }
        throw now?.status === 'waitlisted' ? conflict('waitlisted') : conflict('cancelled');
      }
      await this.kpi.record(
        m,
        eventKpi(event, 'attendance', 1, 'check_in', id, user.id),
        ...(held.length ? [eventKpi(event, 'events_held', 1, 'event_held', event.id, user.id)] : []),
      );
      await this.webhooks.record(m, 'registration.checked_in', {
        registrationId: id,
        eventId: reg.eventId,
        checkedInAt: rows[0]!.checked_in_at.toISOString(),
      });
      return {
        ...base,
        checkedInAt: rows[0]!.checked_in_at.toISOString(),
        alreadyCheckedIn: false,
        eventMarkedHeld: held.length > 0,
      };
    });
  }

  /** POST /api/registrations/:id/outcomes: attended registrations only, one of each type. */
  async recordOutcome(id: string, type: OutcomeType, note: string | null, user: AuthUser): Promise<OutcomeView> {
    const reg = await this.dataSource.getRepository(Registration).findOneBy({ id });
    if (!reg) throw unknownRegistration();
    const event = await this.dataSource.getRepository(ChamberEvent).findOneByOrFail({ id: reg.eventId });
    if (!isOutcomeAllowed(event.kind, type)) {
      const allowed = outcomeTypesFor(event.kind).join(', ') || '-';
      throw badRequest('type', 'validation.outcome_not_allowed', { allowed });
    }
    try {
      return await this.dataSource.transaction(async (m) => {
        const [current] = (await m.query(`SELECT status FROM registration WHERE id = $1 FOR SHARE`, [id])) as {
          status: string;
        }[];
        if (current?.status !== 'attended') {
          throw conflict('not_attended');
        }
        const outcome = await m.save(
          m.create(RegistrationOutcome, { registrationId: id, type, note, recordedBy: user.id }),
        );
        await this.kpi.record(m, eventKpi(event, outcomeMeasure(type), 1, 'outcome', outcome.id, user.id));
        await this.webhooks.record(m, 'registration.outcome_recorded', {
          registrationId: id,
          eventId: reg.eventId,
          outcomeId: outcome.id,
          type,
        });
        return {
          id: outcome.id,
          registrationId: id,
          type,
          note: outcome.note,
          recordedAt: outcome.recordedAt.toISOString(),
        };
      });
    } catch (e) {
      if (isUniqueViolation(e, 'registration_outcome_type_uq')) {
        throw conflictOn('type', 'duplicate_outcome');
      }
      throw e;
    }
  }

  /** DELETE /api/registrations/:id/outcomes/:type: a mistaken outcome comes off its counter. */
  async removeOutcome(id: string, type: string, user: AuthUser): Promise<{ removed: true }> {
    const reg = await this.dataSource.getRepository(Registration).findOneBy({ id });
    if (!reg) throw unknownRegistration();
    const event = await this.dataSource.getRepository(ChamberEvent).findOneByOrFail({ id: reg.eventId });
    await this.dataSource.transaction(async (m) => {
      const [row] = await queryRows<{ id: string }>(
        m,
        `DELETE FROM registration_outcome WHERE registration_id = $1 AND type = $2 RETURNING id`,
        [id, type],
      );
      if (!row) throw unknownRegistration('type');
      await this.kpi.record(m, eventKpi(event, `outcome:${type}`, -1, 'outcome_removed', row.id, user.id));
    });
    return { removed: true };
  }
}
