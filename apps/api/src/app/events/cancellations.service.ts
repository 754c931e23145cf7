import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CancelRegistrationResponse } from '@chamber/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { conflict, forbidden } from '../common/errors';
import { MailOutbox } from '../mail/mail-outbox.service';
import { KpiRecorder } from '../plan/kpi-recorder.service';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { Registration } from './entities/registration.entity';
import { mayChangeRegistration, notYours } from './event-access';
import { eventKpi } from './event-kpi';
import { unknownRegistration } from './event-views';
import { tokenHash } from '../common/link-tokens';
import { LOCK_EVENT_SQL, LockedEventRow, lockedEventKpiRef } from './seat-sql';
import { WaitlistService } from './waitlist.service';

/** Cancelling a registration frees its seat for the first waitlisted, in the same transaction. */
@Injectable()
export class CancellationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpi: KpiRecorder,
    private readonly mail: MailOutbox,
    private readonly waitlist: WaitlistService,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /** POST /api/registrations/:id/cancel: the registrant's member (company) or staff. */
  async cancelById(id: string, user: AuthUser): Promise<CancelRegistrationResponse> {
    const reg = await this.dataSource.getRepository(Registration).findOneBy({ id });
    if (!reg) throw unknownRegistration();
    if (!mayChangeRegistration(user, reg)) throw notYours();
    return this.cancel(reg, user.id);
  }

  /** POST /api/public/registrations/cancel: the token cancels its own registration and no other. */
  async cancelByToken(cancelToken: string, registrationId?: string): Promise<CancelRegistrationResponse> {
    const reg = await this.findByToken(cancelToken);
    if (registrationId && registrationId !== reg.id) {
      throw forbidden('cancel_token_mismatch');
    }
    return this.cancel(reg, null);
  }

  async findByToken(cancelToken: string): Promise<Registration> {
    const reg = await this.dataSource
      .getRepository(Registration)
      .findOneBy({ cancelTokenHash: tokenHash(cancelToken) });
    if (!reg) throw unknownRegistration('cancelToken');
    return reg;
  }

  private async cancel(reg: Registration, actorId: string | null): Promise<CancelRegistrationResponse> {
    const promoted = await this.dataSource.transaction(async (m) => {
      // lock order everywhere: the event row, then its registrations
      const [event] = (await m.query(LOCK_EVENT_SQL, [reg.eventId])) as LockedEventRow[];
      const [current] = (await m.query(`SELECT status FROM registration WHERE id = $1 FOR UPDATE`, [reg.id])) as {
        status: string;
      }[];
      if (current?.status !== 'registered' && current?.status !== 'waitlisted')
        throw this.notCancellable(current?.status);
      await m.query(`UPDATE registration SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [reg.id]);
      await this.mail.enqueue(m, { kind: 'registration_cancelled', to: reg.email, relatedId: reg.id });
      await this.webhooks.record(m, 'registration.cancelled', {
        registrationId: reg.id,
        eventId: reg.eventId,
        reason: 'cancelled',
      });
      if (current.status === 'waitlisted') {
        await m.query(`UPDATE event SET waitlist_count = waitlist_count - 1, updated_at = now() WHERE id = $1`, [
          reg.eventId,
        ]);
        return [];
      }
      await m.query(`UPDATE event SET taken = taken - 1, updated_at = now() WHERE id = $1`, [reg.eventId]);
      event!.taken -= 1;
      await this.kpi.record(
        m,
        eventKpi(lockedEventKpiRef(event!), 'registrations', -1, 'registration_cancelled', reg.id, actorId),
      );
      return this.freeSeat(m, event!, actorId);
    });
    return { id: reg.id, status: 'cancelled', promotedRegistrationId: promoted[0] ?? null };
  }

  private freeSeat(m: EntityManager, event: LockedEventRow, actorId: string | null): Promise<string[]> {
    return this.waitlist.promote(m, event, actorId);
  }

  private notCancellable(status: string | undefined) {
    return status === 'attended' ? conflict('attended') : conflict('already_cancelled');
  }
}
