import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FollowUpMailRequest, FollowUpMailResponse } from '@chamber/contracts';
import type { Readable } from 'stream';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { ChamberService } from '../chamber/chamber.service';
import { conflict } from '../common/errors';
import { MailOutbox } from '../mail/mail-outbox.service';
import { certificatePdf } from './certificate-pdf';
import { ChamberEvent } from './entities/event.entity';
import { Registration } from './entities/registration.entity';
import { mayReadRegistration, notYours } from './event-access';
import { unknownEvent, unknownRegistration } from './event-views';

/** After the event: mail to attendees or no-shows, and certificates of attendance for trainings. */
@Injectable()
export class FollowUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailOutbox,
    private readonly chamber: ChamberService,
  ) {}

  /** POST /api/events/:id/mail: one mail per attendee (checked in) or no-show (registered, never came). */
  async mailAudience(eventId: string, dto: FollowUpMailRequest): Promise<FollowUpMailResponse> {
    const event = await this.dataSource.getRepository(ChamberEvent).findOneBy({ id: eventId });
    if (!event) throw unknownEvent();
    const status = dto.audience === 'attendees' ? 'attended' : 'registered';
    const queued = await this.dataSource.transaction(async (m) => {
      const people = (await m.query(
        `SELECT id, name, email FROM registration WHERE event_id = $1 AND status = $2 ORDER BY created_at`,
        [eventId, status],
      )) as { id: string; name: string; email: string }[];
      const kind = dto.audience === 'attendees' ? 'follow_up_attendees' : 'follow_up_no_shows';
      for (let i = 0; i < people.length; i += 500) {
        await this.mail.enqueue(
          m,
          ...people
            .slice(i, i + 500)
            .map((p) => ({ kind, to: p.email, relatedId: p.id, params: { subject: dto.subject, body: dto.body } })),
        );
      }
      return people.length;
    });
    return { audience: dto.audience, queued };
  }

  /** GET /api/registrations/:id/certificate.pdf: trainings, attended registrations only. */
  async certificate(id: string, user: AuthUser): Promise<{ filename: string; body: Readable }> {
    const reg = await this.dataSource.getRepository(Registration).findOneBy({ id });
    if (!reg) throw unknownRegistration();
    if (!mayReadRegistration(user, reg)) throw notYours();
    const event = await this.dataSource.getRepository(ChamberEvent).findOneByOrFail({ id: reg.eventId });
    if (event.kind !== 'training') {
      throw conflict('not_training');
    }
    if (reg.status !== 'attended' || !reg.checkedInAt) {
      throw conflict('not_attended.certificate');
    }
    const chamber = await this.chamber.identity();
    return {
      filename: `certificate-${reg.id}.pdf`,
      body: certificatePdf(
        {
          registrationId: reg.id,
          name: reg.name,
          nameKana: reg.nameKana,
          titleJa: event.titleJa,
          startsAt: event.startsAt,
          checkedInAt: reg.checkedInAt,
          issuedAt: new Date(),
        },
        chamber,
      ),
    };
  }
}
