import { HttpStatus } from '@nestjs/common';
import type { EventDetail, EventSummary } from '@chamber/contracts';
import { fiscalYearOf, freeSeats, registrationWindowState } from '@chamber/domain';
import { ApiException, onField } from '../common/errors';
import type { MessageKey } from '../common/i18n/messages';
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
export const unknownEvent = (field = 'id'): ApiException => onField(HttpStatus.NOT_FOUND, field, 'event_not_found');

export const unknownRegistration = (field = 'id'): ApiException =>
  onField(HttpStatus.NOT_FOUND, field, 'registration_not_found');

/** 409 naming a field (the registration window, an email already registered, …). */
export const conflictOn = (field: string, key: MessageKey): ApiException => onField(HttpStatus.CONFLICT, field, key);

/** Whether a pg error is a unique violation of the named index. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = (e as { driverError?: unknown }).driverError ?? e;
  const { code, constraint: name } = (err ?? {}) as { code?: string; constraint?: string };
  return code === '23505' && (!constraint || name === constraint);
}
