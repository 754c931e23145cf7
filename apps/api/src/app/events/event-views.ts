import { HttpStatus } from '@nestjs/common';
import type { EventDetail, EventSummary } from '@chamber/contracts';
import { fiscalYearOf, freeSeats, registrationWindowState } from '@chamber/domain';
import { DomainException } from '../common/errors';
import type { ChamberEvent } from './entities/event.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function eventSummary(e: ChamberEvent, now = new Date()): EventSummary {
  return {
    id: e.id,
    kind: e.kind,
    title: { ja: e.titleJa, en: e.titleEn || e.titleJa },
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    venue: e.venue,
    capacity: e.capacity,
    registeredCount: e.taken,
    waitlistCount: e.waitlistCount,
    remainingSeats: freeSeats(e.capacity, e.taken),
    actionItemCode: e.actionItemCode,
    audience: e.audience,
    status: e.status,
    registrationOpensAt: iso(e.registrationOpensAt),
    registrationClosesAt: iso(e.registrationClosesAt),
    registrationOpen: registrationWindowState(e, now) === 'open',
    invitedCount: e.invitedCount,
  };
}

export function eventDetail(e: ChamberEvent, now = new Date()): EventDetail {
  return {
    ...eventSummary(e, now),
    description: { ja: e.descriptionJa, en: e.descriptionEn || e.descriptionJa },
    fiscalYear: fiscalYearOf(e.startsAt),
    heldAt: iso(e.heldAt),
    cancelledAt: iso(e.cancelledAt),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** 404 naming the field that held the unknown id. */
export function unknownEvent(field = 'id'): DomainException {
  const ja = 'イベントが見つかりません';
  const en = 'No such event';
  return new DomainException(HttpStatus.NOT_FOUND, { ja, en }, 'event_not_found', { errors: [{ field, ja, en }] });
}

export function unknownRegistration(field = 'id'): DomainException {
  const ja = '申込みが見つかりません';
  const en = 'No such registration';
  return new DomainException(HttpStatus.NOT_FOUND, { ja, en }, 'registration_not_found', {
    errors: [{ field, ja, en }],
  });
}

/** 409 naming a field (the registration window, an email already registered, …). */
export function conflictOn(field: string, ja: string, en: string, code: string): DomainException {
  return new DomainException(HttpStatus.CONFLICT, { ja, en }, code, { errors: [{ field, ja, en }] });
}

/** Whether a pg error is a unique violation of the named index. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = (e as { driverError?: unknown }).driverError ?? e;
  const { code, constraint: name } = (err ?? {}) as { code?: string; constraint?: string };
  return code === '23505' && (!constraint || name === constraint);
}
