import { Injectable } from '@nestjs/common';
import { freeSeats, promotionOrder } from '@chamber/domain';
import { EntityManager } from 'typeorm';
import { MailOutbox } from '../mail/mail-outbox.service';
import { KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { eventKpi } from './event-kpi';
import { LockedEventRow, lockedEventKpiRef } from './seat-sql';

interface WaitingRow {
  id: string;
  waitlist_seq: number;
  name: string;
  email: string;
}

/** Moves the first waitlisted into free seats: called with the event row already locked. */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly kpi: KpiRecorder,
    private readonly mail: MailOutbox,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /**
   * Promotes as many waitlisted registrations as there are free seats, in arrival order, in the
   * caller's transaction: seats, the `registrations` counter (+1 each) and the mails move together.
   * `event` must have been read with LOCK_EVENT_SQL in this transaction and reflect its seats now.
   */
  async promote(m: EntityManager, event: LockedEventRow, actorId: string | null): Promise<string[]> {
    const free = freeSeats(event.capacity, event.taken);
    if (free === 0 || event.waitlist_count === 0) return [];
    const waiting = (await m.query(
      `SELECT id, waitlist_seq, name, email FROM registration
       WHERE event_id = $1 AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT $2`,
      [event.id, free],
    )) as WaitingRow[];
    const chosen = promotionOrder(
      waiting.map((w) => ({ ...w, waitlistPosition: w.waitlist_seq })),
      free,
    );
    if (!chosen.length) return [];
    const ids = chosen.map((c) => c.id);
    await m.query(
      `UPDATE registration SET status = 'registered', promoted_at = now() WHERE id = ANY($1::uuid[]) AND status = 'waitlisted'`,
      [ids],
    );
    await m.query(
      `UPDATE event SET taken = taken + $2, waitlist_count = waitlist_count - $2, updated_at = now() WHERE id = $1`,
      [event.id, ids.length],
    );
    event.taken += ids.length;
    event.waitlist_count -= ids.length;
    const ref = lockedEventKpiRef(event);
    await this.kpi.record(
      m,
      ...ids.map((id) => eventKpi(ref, 'registrations', 1, 'registration_promoted', id, actorId)),
    );
    await this.mail.enqueue(m, ...chosen.map((c) => ({ kind: 'registration_promoted', to: c.email, relatedId: c.id })));
    await this.webhooks.record(
      m,
      'registration.promoted',
      ...ids.map((id) => ({ registrationId: id, eventId: event.id })),
    );
    return ids;
  }
}
